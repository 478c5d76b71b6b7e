import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Collects the attributes of the named elements of a small part (workbook.xml, a relationships part).
final class XLSXAttributeCollector: NSObject, XMLParserDelegate {
    private let names: Set<String>
    private(set) var elements: [(name: String, attributes: [String: String])] = []

    init(names: Set<String>) {
        self.names = names
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        let name = localName(elementName)
        if names.contains(name) { elements.append((name, attributes)) }
    }
}
