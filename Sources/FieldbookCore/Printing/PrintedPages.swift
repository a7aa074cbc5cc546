import Foundation

/// The printable pages of one client the app writes: the career profile and the client
/// summary.
public enum PrintablePage: String, Sendable, CaseIterable {
    case profile
    case summary
}

/// Where the app writes printable pages: a folder the user names, never inside the data folder,
/// which is shared with a team (a git repository, a synced folder), backed up and copied as a
/// whole, or encrypted: a plain page of client data would travel with it or sit beside the
/// encrypted records. A folder that is not yet shared may be later, so it is refused too.
public enum PagesFolder {
    /// The folder offered when the app asks: under the home folder.
    public static let suggested = "~/fieldbook-pages"

    /// The folder `typed` names: `~` is the home folder; a relative path is taken from home.
    public static func resolve(_ typed: String, home: URL) -> URL {
        let trimmed = typed.trimmingCharacters(in: .whitespaces)
        if trimmed == "~" { return home.standardizedFileURL }
        if trimmed.hasPrefix("~/") { return home.appendingPathComponent(String(trimmed.dropFirst(2))).standardizedFileURL }
        if trimmed.hasPrefix("/") { return URL(fileURLWithPath: trimmed).standardizedFileURL }
        return home.appendingPathComponent(trimmed).standardizedFileURL
    }

    /// Why pages may not be written to `folder` for data folder `data`, or nil when they may.
    public static func refusal(of folder: URL, data: URL, encrypted: Bool) -> String? {
        guard isInside(folder, data) else { return nil }
        if encrypted {
            return "that is inside the data folder, which is encrypted; a page is plain text: name a folder outside it"
        }
        if DurableFile.isDirectory(data.appendingPathComponent(".git")) || FileManager.default.fileExists(atPath: data.appendingPathComponent(".stfolder").path) {
            return "that is inside the data folder, which is shared with a team, and a page would travel with it: name a folder outside it"
        }
        return "that is inside the data folder, which is synced, backed up and copied as a whole: name a folder outside it"
    }

    /// True when `folder` (which may not exist yet) is `data` or inside it, compared as real
    /// paths: a link or `..` into the data folder is inside it.
    static func isInside(_ folder: URL, _ data: URL) -> Bool {
        guard let dataPath = RealPath.of(data.path) else { return false }
        var existing = folder.standardizedFileURL
        var rest: [String] = []
        while RealPath.of(existing.path) == nil && existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        guard let base = RealPath.of(existing.path) else { return false }
        let path = rest.reduce(base) { $0 == "/" ? "/" + $1 : $0 + "/" + $1 }
        return RealPath.isInside(path, dataPath)
    }
}

extension ProfileDesk {
    /// Writes `pages` of `client` as they stand today (the profile with every answer given up
    /// to `now`) into `folder` (made owner-only when
    /// missing), each a new file readable by its owner only: `<page>-<first 8 of the client's
    /// id>-<day>.html`, numbered when the name is taken, never the client's name. Returns the
    /// paths written.
    public func printPages(
        _ pages: [PrintablePage], of client: Client, in snapshot: DataSnapshot, omitSensitive: Bool, today: LocalDate,
        now: Date, paper: Paper, to folder: URL
    ) throws(StoreError) -> [String] {
        if let refusal = PagesFolder.refusal(of: folder, data: store.folder, encrypted: !store.transform.isPlain) {
            throw .io(path: folder.path, reason: refusal)
        }
        let (definition, _) = store.definition()
        let profile = store.profile(of: client.id).profile
        try DurableFile.makeFolder(folder)
        var written: [String] = []
        for page in pages {
            let html: String
            switch page {
            case .profile:
                html = ProfilePage.render(profile, of: client, definition: definition, specialists: snapshot.specialists,
                                          options: .init(paper: paper, omitSensitive: omitSensitive, asOf: today, printedOn: today,
                                                         answersUpTo: max(now, today.lastMoment())))
            case .summary:
                html = ClientSummaryPage.render(client, in: snapshot, profile: profile, definition: definition,
                                                options: .init(paper: paper, asOf: today, printedOn: today))
            }
            let stem = "\(page.rawValue)-\(client.id.lowercased.prefix(8))-\(today)" + (omitSensitive && page == .profile ? "-no-sensitive" : "")
            var name = "\(stem).html"
            var number = 2
            while true {
                let url = folder.appendingPathComponent(name)
                do {
                    try ExportFile.write(Data(html.utf8), to: url)
                    written.append(url.path)
                    break
                } catch {
                    guard FileManager.default.fileExists(atPath: url.path), number < 1000 else { throw error }
                    name = "\(stem)-\(number).html"
                    number += 1
                }
            }
        }
        return written
    }
}
