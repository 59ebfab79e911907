import CLibXML2

extension XPathValue {
    /// Copies a libxml2 XPath result into Swift; node-sets come out in document order.
    init(copying object: xmlXPathObjectPtr, in document: xmlDocPtr) throws(XMLError) {
        switch object.pointee.type {
        case XPATH_NODESET:
            guard let set = object.pointee.nodesetval, set.pointee.nodeNr > 0, let table = set.pointee.nodeTab else {
                self = .nodeSet([])
                return
            }
            xmlXPathNodeSetSort(set)
            let nodes = (0..<Int(set.pointee.nodeNr)).compactMap { index in
                table[index].map { XMLNodeValue(copying: $0, in: document) }
            }
            self = .nodeSet(nodes)
        case XPATH_BOOLEAN:
            self = .boolean(object.pointee.boolval != 0)
        case XPATH_NUMBER:
            self = .number(object.pointee.floatval)
        case XPATH_STRING:
            self = .string(LibXML2.string(object.pointee.stringval))
        default:
            throw .evaluationFailed(message: "unsupported XPath result type \(object.pointee.type.rawValue)")
        }
    }
}
