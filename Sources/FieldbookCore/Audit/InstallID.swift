import Foundation

/// The id of this copy of Fieldbook (one per user account on a machine), which names its audit
/// log. Kept outside the data folder, so copies sharing a folder through a sync tool keep
/// different ids: `$XDG_STATE_HOME/fieldbook/install-id`, else `~/.local/state/fieldbook/install-id`.
public enum InstallID {
    public static func location(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return URL(fileURLWithPath: state).appendingPathComponent("fieldbook/install-id")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/state/fieldbook/install-id")
    }

    /// The id kept at `file`, made and kept (0600) on first use. When it cannot be kept, a new
    /// id for this run: the log then starts a new file, which loses nothing.
    public static func load(from file: URL = location()) -> String {
        if let data = try? DurableFile.read(file),
           let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines),
           isValid(text)
        {
            return text
        }
        let id = UUID().uuidString.lowercased()
        try? DurableFile.write(Data((id + "\n").utf8), to: file)
        return id
    }

    /// Letters, digits and dashes only: it becomes a file name.
    static func isValid(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 64 && text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
    }
}
