import Foundation

/// Writes run-record entries as the compact JSON the HTML report's renderer reads (`HTMLReportAssets`).
///
/// Every text that may repeat is written through the string table: a JSON number in a text's place is an
/// index into the report's `strings` array. The shapes (keys kept short, the report holds thousands):
/// - scenario: `{"id","n":name,"f":file,"su":suite,"l":line,"t":[tags],"o":outcome,"r"?:reason,"at":start,"d":seconds,"x"?:finding,"s":[steps]}`
/// - finding: `{"m":message,"loc"?:[line,column],"no":[notes],"src"?:[first line number,[source lines]]}`
/// - step: `{"id","n","p":phase,"l","o","r"?,"d","x"?,"e":[exchanges],"pl"?:[[attempt,offset,seconds,status,state]],"as":[[kind,subject,expected,actual,passed,line]],"cp":[[name,value,secret]]}`
/// - exchange: `{"a":attempt,"t":offset,"d":seconds,"no"?:note,"q":[method,url,[[name,value]],body],"r":[status,reason,[[name,value]],body] or null}`
/// - body: `[text,length in bytes,truncated]`, the text cut to ``bodyCharacters`` characters.
///
/// Everything is escaped for a `<script type="application/json">` block: `<`, `>` and `&` are written as
/// `\u003c`, `\u003e` and `\u0026`, so no text can close the block or open a tag.
struct HTMLDataEncoder {
    /// The most characters of a body the report keeps (its full length is always stated).
    static let bodyCharacters = 2_000
    /// Source lines shown before and after the line a finding points at.
    static let contextLines = 2

    /// Repeated texts, stored once.
    var strings = HTMLStringTable()
    private(set) var output = ""

    /// Takes what was written so far, leaving the output empty.
    mutating func take() -> String {
        defer { output = "" }
        return output
    }

    /// Writes one scenario; `sourceLines` gives a file's lines for the findings' context.
    mutating func write(_ scenario: ScenarioRecord, sourceLines: (String) -> [String]?, masker: SecretMasker) {
        output += "{\"id\":"
        literal(scenario.id)
        key("n"); text(scenario.name)
        key("f"); text(scenario.file)
        key("su"); text(scenario.suite)
        key("l"); number(scenario.line)
        key("t"); list(scenario.tags) { $0.text($1) }
        key("o"); literal(scenario.outcome.rawValue)
        if let reason = scenario.reason { key("r"); text(reason) }
        key("at"); literal(scenario.startedAt)
        key("d"); seconds(scenario.durationSeconds)
        if let finding = scenario.finding { key("x"); write(finding, sourceLines: sourceLines, masker: masker) }
        key("s"); list(scenario.steps) { $0.write($1, sourceLines: sourceLines, masker: masker) }
        output += "}"
    }

    private mutating func write(_ step: StepRecord, sourceLines: (String) -> [String]?, masker: SecretMasker) {
        output += "{\"id\":"
        literal(step.id)
        key("n"); text(step.name)
        key("p"); text(step.phase)
        key("l"); number(step.line)
        key("o"); literal(step.outcome.rawValue)
        if let reason = step.reason { key("r"); text(reason) }
        key("d"); seconds(step.durationSeconds)
        if let finding = step.finding { key("x"); write(finding, sourceLines: sourceLines, masker: masker) }
        key("e"); list(step.exchanges) { $0.write($1) }
        if let poll = step.poll {
            key("pl")
            list(poll.attempts) { encoder, attempt in
                encoder.output += "["
                encoder.number(attempt.attempt); encoder.output += ","
                encoder.seconds(attempt.offsetSeconds); encoder.output += ","
                encoder.seconds(attempt.durationSeconds); encoder.output += ","
                if let status = attempt.status { encoder.number(status) } else { encoder.output += "null" }
                encoder.output += ","
                if let state = attempt.state { encoder.text(state) } else { encoder.output += "null" }
                encoder.output += "]"
            }
        }
        key("as")
        list(step.assertions) { encoder, assertion in
            encoder.output += "["
            encoder.text(assertion.kind); encoder.output += ","
            encoder.text(assertion.subject); encoder.output += ","
            encoder.text(assertion.expected); encoder.output += ","
            encoder.text(assertion.actual); encoder.output += ","
            encoder.output += assertion.passed ? "1," : "0,"
            encoder.number(assertion.line)
            encoder.output += "]"
        }
        key("cp")
        list(step.captures) { encoder, capture in
            encoder.output += "["
            encoder.text(capture.name); encoder.output += ","
            encoder.text(capture.secret ? SecretMasker.mask : capture.value)
            encoder.output += capture.secret ? ",1]" : ",0]"
        }
        output += "}"
    }

    private mutating func write(_ finding: FindingRecord, sourceLines: (String) -> [String]?, masker: SecretMasker) {
        output += "{\"m\":"
        text(finding.message)
        if let location = finding.location {
            key("loc")
            output += "[\(location.line),\(location.column)]"
            if let lines = sourceLines(location.file), lines.indices.contains(location.line - 1) {
                let first = max(1, location.line - Self.contextLines)
                let last = min(lines.count, location.line + Self.contextLines)
                key("src")
                output += "[\(first),"
                list(Array(lines[(first - 1)..<last])) { $0.text(masker($1)) }
                output += "]"
            }
        }
        key("no"); list(finding.notes) { $0.text($1) }
        output += "}"
    }

    private mutating func write(_ exchange: ExchangeRecord) {
        output += "{\"a\":"
        number(exchange.attempt)
        key("t"); seconds(exchange.offsetSeconds)
        key("d"); seconds(exchange.durationSeconds)
        if let note = exchange.note { key("no"); text(note) }
        key("q")
        output += "["
        text(exchange.request.method); output += ","
        text(exchange.request.url); output += ","
        headers(exchange.request.headers); output += ","
        if let body = exchange.request.body { write(body) } else { output += "null" }
        output += "]"
        key("r")
        if let response = exchange.response {
            output += "["
            number(response.status); output += ","
            text(response.reason); output += ","
            headers(response.headers); output += ","
            write(response.body)
            output += "]"
        } else {
            output += "null"
        }
        output += "}"
    }

    private mutating func write(_ body: BodyRecord) {
        let shown = body.text.count > Self.bodyCharacters ? String(body.text.prefix(Self.bodyCharacters)) : body.text
        let truncated = body.truncated || shown.count < body.text.count
        output += "["
        text(shown)
        output += ",\(body.length),\(truncated ? 1 : 0)]"
    }

    private mutating func headers(_ headers: [HeaderRecord]) {
        list(headers) { encoder, header in
            encoder.output += "["
            encoder.text(header.name); encoder.output += ","
            encoder.text(header.value)
            encoder.output += "]"
        }
    }

    private mutating func key(_ name: String) {
        output += ",\"\(name)\":"
    }

    private mutating func list<Element>(_ elements: [Element], _ writeElement: (inout HTMLDataEncoder, Element) -> Void) {
        output += "["
        for (index, element) in elements.enumerated() {
            if index > 0 { output += "," }
            writeElement(&self, element)
        }
        output += "]"
    }

    private mutating func number(_ value: Int) {
        output += String(value)
    }

    /// Seconds to the millisecond.
    private mutating func seconds(_ value: Double) {
        guard value.isFinite else { output += "0"; return }
        output += String((value * 1000).rounded() / 1000)
    }

    /// A text through the string table.
    private mutating func text(_ value: String) {
        if let index = strings.index(of: value) {
            output += String(index)
        } else {
            literal(value)
        }
    }

    /// A text written in place.
    private mutating func literal(_ value: String) {
        Self.appendQuoted(value, to: &output)
    }

    /// `value` as a JSON string safe inside a `<script>` block.
    static func appendQuoted(_ value: String, to output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "<": output += "\\u003c"
            case ">": output += "\\u003e"
            case "&": output += "\\u0026"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }

    /// JSON bytes (from `JSONEncoder`) made safe inside a `<script>` block: `<`, `>` and `&` only occur in
    /// its strings there, where their `\u` escapes mean the same.
    static func scriptSafe(_ json: Data) -> String {
        var result = ""
        result.reserveCapacity(json.count)
        for scalar in String(decoding: json, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "<": result += "\\u003c"
            case ">": result += "\\u003e"
            case "&": result += "\\u0026"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
