import Testing

@testable import TollgateServer

@Suite("Resource rendering")
struct ResourceNodeTests {
    @Test("XML escapes markup in attributes and text and drops forbidden characters")
    func xmlEscaping() {
        let node = ResourceNode(
            "Task", attributes: [ResourceAttribute("Href", .string("http://h/a?x=1&y=\"2\"'")), ResourceAttribute("Type", .null)],
            children: [.leaf("Message", .string("a < b & c > d\u{1}")), .leaf("Gone", .null)])
        #expect(
            node.xmlDocument() == """
                <?xml version="1.0" encoding="utf-8"?>
                <Task Href="http://h/a?x=1&amp;y=&quot;2&quot;&#39;" xmlns="http://www.veeam.com/ent/v1.0" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                  <Message>a &lt; b &amp; c &gt; d</Message>
                </Task>

                """)
    }

    @Test("JSON: typed values, nulls, lists and wrapped lists, escapes")
    func json() {
        let node = ResourceNode(
            "Things",
            children: [
                ResourceNode(
                    "Thing", attributes: [ResourceAttribute("Href", .string("h")), ResourceAttribute("Type", .null)],
                    children: [
                        ResourceNode("Links", children: [ResourceNode("Link", attributes: [ResourceAttribute("Rel", .string("Up"))])], jsonShape: .list),
                        .leaf("Count", .int(3)), .leaf("On", .bool(false)), .leaf("Text", .string("q\"\\\n\u{2}")),
                    ])
            ],
            jsonShape: .wrappedList("Things"))
        #expect(
            node.jsonDocument(camelCase: false)
                == #"{"Things":[{"Count":3,"On":false,"Text":"q\"\\\n\u0002","Links":[{"Rel":"Up"}],"Href":"h","Type":null}]}"#)
        #expect(
            node.jsonDocument(camelCase: true)
                == #"{"things":[{"count":3,"on":false,"text":"q\"\\\n\u0002","links":[{"rel":"Up"}],"href":"h","type":null}]}"#)
    }

    @Test(
        ".NET camelCase",
        arguments: [("TaskId", "taskId"), ("UID", "uid"), ("Href", "href"), ("URLPath", "urlPath"), ("SupportedVersions", "supportedVersions"), ("x", "x")])
    func camelCase(name: String, expected: String) {
        #expect(ResourceNode.camelCased(name) == expected)
    }

    @Test("the Error object has alphabetical keys and nulls, as the capture shows")
    func errorJSON() {
        let node = ResourceFactory.error(.badRequest("Node [root] does not exist."))
        #expect(
            node.jsonDocument(camelCase: false)
                == #"{"FirstChanceExceptionMessage":null,"Message":"Node [root] does not exist.","StackTrace":null,"Status":null,"StatusCode":400}"#)
    }
}
