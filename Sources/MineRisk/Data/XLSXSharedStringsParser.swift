import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the shared string table (ECMA-376 Part 1 §18.4.9 sst) event by event: each `si` is one string, the
/// text of its `t` elements (plain, or the runs `r` of rich text) joined; phonetic runs (`rPh`) are left out.
final class XLSXSharedStringsParser: NSObject, XMLParserDelegate {
    private(set) var strings: [String] = []
    private var current: String?
    private var collecting = false
    private var phoneticDepth = 0

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch localName(elementName) {
        case "si": current = ""
        case "rPh": phoneticDepth += 1
        case "t": collecting = current != nil && phoneticDepth == 0
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { current? += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch localName(elementName) {
        case "si":
            strings.append(decodeXString(current ?? ""))
            current = nil
        case "rPh": phoneticDepth -= 1
        case "t": collecting = false
        default: break
        }
    }
}
