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

    /// The id of this copy for the data folder `folder`: one per folder, so two clones of a
    /// team's folder on one machine keep different audit logs, which never conflict when they
    /// sync. Kept beside the machine's id (`install-ids/`, one file per folder, named by a hash
    /// of its real path). The machine's earlier single id stays with the folder whose audit log
    /// it already names, or with the first folder opened after it, so no log changes name.
    public static func load(for folder: URL, from file: URL = location()) -> String {
        let ids = file.deletingLastPathComponent().appendingPathComponent("install-ids")
        let real = folder.standardizedFileURL.resolvingSymlinksInPath().path
        let kept = ids.appendingPathComponent(String(ContentHash(Data(real.utf8)).value, radix: 16))
        if let id = read(kept) { return id }
        var id = UUID().uuidString.lowercased()
        let claimed = ids.appendingPathComponent("machine-id-taken")
        if let earlier = read(file) {
            let named = FileManager.default.fileExists(
                atPath: folder.appendingPathComponent(AuditLog.folderName).appendingPathComponent("\(earlier).jsonl").path)
            if named || !FileManager.default.fileExists(atPath: claimed.path) {
                id = earlier
                try? DurableFile.write(Data((real + "\n").utf8), to: claimed)
            }
        }
        try? DurableFile.write(Data((id + "\n").utf8), to: kept)
        return read(kept) ?? id
    }

    private static func read(_ file: URL) -> String? {
        guard let data = try? DurableFile.read(file),
              let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines),
              isValid(text)
        else { return nil }
        return text
    }

    /// Letters, digits and dashes only: it becomes a file name.
    static func isValid(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 64 && text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
    }
}
