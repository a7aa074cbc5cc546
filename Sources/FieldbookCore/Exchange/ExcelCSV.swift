import Foundation

/// CSV as Excel opens it without asking: UTF-8 with a byte-order mark (without one, Excel on
/// Windows reads "José" as "JosÃ©") and CRLF between rows. Line breaks inside a quoted cell
/// are kept as they are: they are the cell's text.
public enum ExcelCSV {
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public static func data(_ text: String) -> Data {
        var bytes = byteOrderMark
        bytes.reserveCapacity(text.utf8.count + text.utf8.count / 16 + 3)
        var quoted = false
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x22 { quoted.toggle() }
            if byte == 0x0A, !quoted, previous != 0x0D { bytes.append(0x0D) }
            bytes.append(byte)
            previous = byte
        }
        return Data(bytes)
    }
}
