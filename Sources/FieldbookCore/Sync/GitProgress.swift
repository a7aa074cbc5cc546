import Foundation

/// The counts in git's `--progress` output: `Receiving objects:  45% (450/1000), 1.2 MiB | …`
/// for a fetch, `Writing objects: 100% (3/3), 290 bytes | …` for a push, each redrawn after a
/// carriage return.
public enum GitProgress {
    /// The objects received or written of those to send, in the last such line of `text`.
    public static func lastCount(in text: String) -> (done: Int, total: Int)? {
        let lines = text.split(whereSeparator: { $0 == "\r" || $0 == "\n" })
        for line in lines.reversed() where line.contains("Receiving objects:") || line.contains("Writing objects:") {
            guard let open = line.firstIndex(of: "("), let slash = line[open...].firstIndex(of: "/"),
                  let close = line[slash...].firstIndex(of: ")"),
                  let done = Int(line[line.index(after: open)..<slash]),
                  let total = Int(line[line.index(after: slash)..<close]) else { continue }
            return (done, total)
        }
        return nil
    }
}
