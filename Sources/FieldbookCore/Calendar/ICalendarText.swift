import Foundation

/// The content lines of an iCalendar file (RFC 5545): TEXT values escaped, lines folded at 75
/// octets, CRLF line ends.
public enum ICalendarText {
    /// The longest a line may be, in octets, line break excluded (RFC 5545 §3.1); a folded
    /// line's leading space counts.
    public static let lineOctets = 75

    /// A TEXT value (RFC 5545 §3.3.11): `\`, `;` and `,` escaped with a backslash, each line
    /// break (CR LF, LF or CR) written `\n`, and the control characters TEXT may not hold (C0
    /// but the tab, DEL, C1) removed.
    public static func escaped(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case ";": out.append(contentsOf: "\\;".unicodeScalars)
            case ",": out.append(contentsOf: "\\,".unicodeScalars)
            case "\r": out.append(contentsOf: "\\n".unicodeScalars)
            case "\n": if !previousWasCR { out.append(contentsOf: "\\n".unicodeScalars) }
            case "\t": out.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// One content line folded (RFC 5545 §3.1): no line longer than `lineOctets` octets, each
    /// continuation starting with a space; a fold falls between Unicode scalars, never inside a
    /// UTF-8 sequence. Lines end in CR LF, the last one too.
    public static func folded(_ line: String) -> String {
        var out = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let width = UTF8.width(scalar)
            if octets + width > lineOctets {
                out += "\r\n "
                octets = 1
            }
            out.unicodeScalars.append(scalar)
            octets += width
        }
        return out + "\r\n"
    }

    /// A property line: `NAME;PARAM=...:value`, the value written as given (escape TEXT first).
    public static func line(_ name: String, _ value: String) -> String {
        folded(name + ":" + value)
    }

    /// A TEXT property, its value escaped.
    public static func text(_ name: String, _ value: String) -> String {
        line(name, escaped(value))
    }

    /// A DATE value: `20261130`.
    public static func date(_ day: LocalDate) -> String {
        String(format: "%04d%02d%02d", day.year, day.month, day.day)
    }

    /// A DATE-TIME in UTC: `20261130T091500Z`.
    public static func utc(_ instant: Date) -> String {
        let day = LocalDate(containing: instant, in: TimeZone(identifier: "UTC")!)
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        let inDay = ((seconds % 86_400) + 86_400) % 86_400
        return date(day) + String(format: "T%02d%02d%02dZ", inDay / 3600, inDay / 60 % 60, inDay % 60)
    }
}
