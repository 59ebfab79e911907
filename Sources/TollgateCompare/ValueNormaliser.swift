import Foundation
import TollgateCore

/// Takes out of one side's values what differs between two runs of the same server, so that only real
/// changes remain: the server's own scheme, host and port (`{server}`), the profile's volatile values
/// (EM task ids → `task-{n}`), dates and times (`{date}`), ISO 8601 durations (`{duration}`), and GUIDs
/// that the other side never mentions (`{guid-1}`, `{guid-2}`, … by first appearance, so a reference that
/// now points elsewhere still shows). A GUID both runs mention stays as it is. Session ids and tokens are
/// already `***` in the record.
final class ValueNormaliser {
    private let origin: String?
    private let sharedGUIDs: Set<String>
    private let volatile: [(Regex<AnyRegexOutput>, String)]
    private var numbering: [String: Int] = [:]

    private static var guid: Regex<Substring> { /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/ }
    private static var date: Regex<Substring> { /[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?/ }
    private static var duration: Regex<Substring> { /^-?P(?=[0-9]|T[0-9])(?:[0-9]+Y)?(?:[0-9]+M)?(?:[0-9]+W)?(?:[0-9]+D)?(?:T(?:[0-9]+H)?(?:[0-9]+M)?(?:[0-9]+(?:\.[0-9]+)?S)?)?$/ }

    /// A normaliser for the run whose base URL is `baseURL`; `sharedGUIDs` (lower-case) are the GUIDs both
    /// runs mention.
    init(baseURL: String, sharedGUIDs: Set<String>, volatile: [VolatileValue]) {
        origin = Self.origin(of: baseURL)
        self.sharedGUIDs = sharedGUIDs
        self.volatile = volatile.compactMap { value in (try? Regex(value.pattern)).map { ($0, value.placeholder) } }
    }

    /// `value` with the noise taken out.
    func callAsFunction(_ value: String) -> String {
        var text = value
        if let origin, text.contains(origin) { text = text.replacingOccurrences(of: origin, with: "{server}") }
        for (regex, placeholder) in volatile { text = text.replacing(regex, with: placeholder) }
        text = text.replacing(Self.date, with: "{date}")
        if text.wholeMatch(of: Self.duration) != nil { return "{duration}" }
        return text.replacing(Self.guid) { match in
            let guid = match.output.lowercased()
            if sharedGUIDs.contains(guid) { return String(match.output) }
            if let number = numbering[guid] { return "{guid-\(number)}" }
            numbering[guid] = numbering.count + 1
            return "{guid-\(numbering.count)}"
        }
    }

    /// Every GUID (lower-case) in the run's URLs, headers and bodies.
    static func guids(in run: RecordedRun) -> Set<String> {
        var found = Set<String>()
        func scan(_ text: String) {
            for match in text.matches(of: guid) { found.insert(match.output.lowercased()) }
        }
        for scenario in run.scenarios {
            for step in scenario.steps {
                for exchange in step.exchanges {
                    scan(exchange.request.url)
                    guard let response = exchange.response else { continue }
                    response.headers.forEach { scan($0.value) }
                    scan(response.body.text)
                }
            }
        }
        return found
    }

    /// `scheme://host:port` of a URL, without the path.
    private static func origin(of url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host else {
            return nil
        }
        return "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")
    }
}
