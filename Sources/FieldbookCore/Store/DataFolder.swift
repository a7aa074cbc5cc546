import Foundation

/// Where the data lives: `--data DIR`, else `$FIELDBOOK_DATA`, else `$XDG_DATA_HOME/fieldbook`,
/// else `~/.local/share/fieldbook`.
public enum DataFolder {
    public static func resolve(
        option: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> URL {
        if let option, !option.isEmpty { return URL(fileURLWithPath: expandTilde(option, environment)) }
        if let env = environment["FIELDBOOK_DATA"], !env.isEmpty {
            return URL(fileURLWithPath: expandTilde(env, environment))
        }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("fieldbook")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/fieldbook")
    }

    private static func expandTilde(_ path: String, _ environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = environment["HOME"] else { return path }
        return home + path.dropFirst()
    }
}
