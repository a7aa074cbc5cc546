import Foundation

extension Store {
    // MARK: Loading

    /// Reads every record. Files that cannot be read are listed in `problems`, left untouched,
    /// and do not stop the rest from loading. Second versions of a record (kept after a save
    /// conflict, left by a sync tool, or holding conflict markers) are never loaded as records:
    /// they are listed as problems carrying a `PendingMerge` ("to merge"). `progress` is told
    /// the files read of the files listed.
    public func load(progress: (any ProgressListener)? = nil) -> DataSnapshot {
        contactFiles = ContactFiles()
        let (steps, files, relatives) = listRecordFiles()

        let cache = mode == .readWrite ? derivedCache : nil
        let cached = cache?.read()
        // Read on every core while the records are put together here, in the listing's order.
        let reads = RecordFileRead.Reads(files, relatives: relatives,
                                         cache: cache == nil ? nil : cached ?? RecordCache.Contents(entries: [:], written: nil),
                                         through: transform)
        var takenFromCache = 0
        var cacheEntries: [RecordCache.Entry] = []
        var cacheChanged = false

        let settling = SettlingLock(folder: folder)
        var loaded = LoadedRecords()
        loaded.contacts.reserveIDs(files.count * 8)
        self.files.reserveCapacity(files.count)
        for step in steps {
            if let progress, case .file(let file) = step { progress.show(file, of: files.count) }
            let index: Int
            switch step {
            case .problem(let problem):
                loaded.problems.append(problem)
                continue
            case .file(let file):
                index = file
            }
            let relative = relatives[index]
            let kind = files[index].kind.recordKind
            var read = reads.take(index)
            // Vanished or not reading: a sync may be writing it; read again once it is done.
            if settling.shouldRetry(read), settling.hold() {
                read = RecordFileRead.read(files[index].url, as: files[index].kind, through: transform)
            }
            if read.fromCache { takenFromCache += 1 }
            if let entry = read.cacheEntry {
                cacheEntries.append(entry)
                if !read.fromCache { cacheChanged = true }
            }
            take(read, at: relative, kind: kind, into: &loaded, keepingBytes: false)
        }
        progress?.show(files.count, of: files.count)
        var snapshot = loaded.snapshot
        var problems = loaded.problems
        // The contacts are taken out of `loaded` (held once from here on), and its index by id let go.
        var contacts = loaded.contacts.takeElements()
        loaded.contactFiles.settle()
        contactFiles = loaded.contactFiles
        loaded.contactFiles = ContactFiles()
        // Sorted by key, then gathered: moving whole contacts while sorting costs more than the sort.
        // Contacts of the same day and time keep the order they were read in, load after load.
        let order = contacts.indices.map { (day: contacts[$0].date.dayNumber, created: contacts[$0].createdAt, index: $0) }
            .sorted { ($0.day, $0.created, $0.index) < ($1.day, $1.created, $1.index) }
        Self.gather(&contacts, from: order.map(\.index))
        snapshot.employerContacts = contacts
        problems += keptCopies().map(LoadProblems.keptCopy)
        snapshot.problems = problems
        if mode == .readWrite {
            keepEarlierAsLoaded()
            asLoaded = snapshot
        }
        filesFromCache = takenFromCache
        if let cache {
            // Written anew only when something differs from what it holds.
            if takenFromCache != cached?.entries.count || cacheChanged {
                cache.write(cacheEntries)
            }
        }
        return snapshot
    }

    /// One step of reading the folder: a problem found by the listing alone, or the file of
    /// `files` at this index.
    enum ListingStep {
        case problem(DataProblem)
        case file(Int)
    }

    /// The folder's record files in the order a load reads them and reports their problems
    /// (`RecordFileKind.all`; in a folder of records, files named after their record first),
    /// with the problems the listing alone finds (sync tools' copies, files that are not JSON)
    /// in their places. Shared by the load, the streamed full copy and the folder's stamp.
    /// `urls`: false leaves `files` empty (the stamp needs only the paths, and a URL per file
    /// was most of its time); a step's index is into `relatives` either way.
    func listRecordFiles(urls: Bool = true) -> (steps: [ListingStep], files: [(url: URL, kind: RecordFileKind)], relatives: [String]) {
        // First the folder's listing, in the order problems are reported; then every file is
        // read and decoded at once on all cores; then the records are put together in that order.
        var steps: [ListingStep] = []
        var files: [(url: URL, kind: RecordFileKind)] = []
        var relatives: [String] = []
        func add(_ relative: String, _ kind: RecordFileKind) {
            steps.append(.file(relatives.count))
            // A file's URL made without asking the file system whether it is a folder.
            if urls { files.append((folder.appendingPathComponent(relative, isDirectory: false), kind)) }
            relatives.append(relative)
        }

        /// A sync tool's copy of `<name>.json`: reported as to merge, never loaded.
        func isSyncCopy(_ name: String, in folderName: String) -> Bool {
            guard let original = DataLayout.originalOfSyncCopy(name) else { return false }
            let record = folderName.isEmpty ? original : "\(folderName)/\(original)"
            let copy = folderName.isEmpty ? name : "\(folderName)/\(name)"
            steps.append(.problem(DataProblem(
                path: copy, kind: .syncConflict,
                message: "a copy a sync tool left when two versions of \(record) met: to merge; not loaded",
                pendingMerge: PendingMerge(record: record, copy: copy, source: .syncToolCopy))))
            return true
        }

        func list(_ folderName: String, _ kind: RecordFileKind, canonicalFirst: Bool) {
            let names = DurableFile.list(folder.appendingPathComponent(folderName))
            // Files named after their record first, so a stray copy never hides the real one.
            var ordered = names
            if canonicalFirst {
                var others: [String] = []
                ordered = []
                for name in names {
                    if DataLayout.isRecordFileName(name) { ordered.append(name) } else { others.append(name) }
                }
                ordered += others
            }
            for name in ordered {
                let relative = "\(folderName)/\(name)"
                if isSyncCopy(name, in: folderName) { continue }
                guard name.hasSuffix(".json") else {
                    steps.append(.problem(DataProblem(path: relative, kind: kind.recordKind, message: "not a .json file; Fieldbook ignores it")))
                    continue
                }
                add(relative, kind)
            }
        }

        // Every kind of record file, in the order of `RecordFileKind.all`.
        for kind in RecordFileKind.all {
            switch kind.layout {
            case .file:
                for name in DurableFile.list(folder) where DataLayout.originalOfSyncCopy(name) == kind.topLevelName {
                    _ = isSyncCopy(name, in: "")
                }
                add(kind.topLevelName, kind)
            case .folder:
                list(kind.topLevelName, kind, canonicalFirst: true)
            case .folderPerSpecialist:
                let root = folder.appendingPathComponent(kind.topLevelName)
                for specialistFolder in DurableFile.list(root) {
                    let folderRelative = "\(kind.topLevelName)/\(specialistFolder)"
                    guard DurableFile.isDirectory(root.appendingPathComponent(specialistFolder)) else {
                        steps.append(.problem(DataProblem(path: folderRelative, kind: kind.recordKind,
                                                          message: "expected a folder named after a specialist's id")))
                        continue
                    }
                    list(folderRelative, kind, canonicalFirst: false)
                }
            }
        }

        return (steps, files, relatives)
    }

    /// Puts `items` in the order `positions` gives (the item at `positions[i]` goes to `i`), in
    /// place: each cycle of the order is followed once, so no second list of every item is made.
    static func gather<T>(_ items: inout [T], from positions: [Int]) {
        precondition(positions.count == items.count)
        var done = [Bool](repeating: false, count: items.count)
        for start in items.indices where !done[start] {
            let first = items[start]
            var at = start
            while true {
                done[at] = true
                let next = positions[at]
                if next == start {
                    items[at] = first
                    break
                }
                items[at] = items[next]
                at = next
            }
        }
    }

    /// Puts one file's read into the records being loaded: its records, or the problem it has;
    /// what this store knows of the file follows what was read. `keepingBytes`: a store that
    /// saves keeps the file's bytes (a few files read again); else only its version, as a whole
    /// load does (its records as loaded are then the base when the file changed, `asLoaded`).
    func take(_ read: RecordFileRead, at relative: String, kind: RecordKind, into loaded: inout LoadedRecords,
              keepingBytes: Bool) {
        switch read.outcome {
        case .absent:
            files.forget(relative)
        case .unreadable:
            files.forget(relative)
            loaded.problems.append(LoadProblems.unreadable(at: relative, kind: kind))
        case .conflictMarkers:
            files.set(relative, .unusable(FileVersion(read.hash!)))
            loaded.problems.append(LoadProblems.conflictMarkers(at: relative))
        case .failed(let message):
            files.set(relative, .unusable(FileVersion(read.hash!)))
            loaded.problems.append(DataProblem(path: relative, kind: kind, message: message))
        case .decoded(let decoded):
            let version = FileVersion(read.hash!)
            // The same version read again keeps what this store holds of it (a record written here).
            // Otherwise the version alone, unless asked to keep the bytes: the base of a merge is
            // read again (and checked against the version) when a save asks for it.
            if files[relative]?.version != version {
                let keep = keepingBytes && mode == .readWrite
                files.set(relative, keep ? read.bytes.map { .read(version, $0) } ?? .cached(version) : .cached(version))
            }
            decoded.versioned(version).collect(from: relative, into: &loaded)
        }
    }

    /// A month of employer contacts in a file that is not its place, and contacts that do not
    /// belong to its specialist and month (all loaded; reported).
    static func placeProblems(of month: EmployerContactMonth, at relative: String) -> [DataProblem] {
        var problems: [DataProblem] = []
        let parts = relative.split(separator: "/")
        let specialistFolder = parts.count == 3 ? String(parts[1]) : ""
        let name = String(parts.last ?? "")
        if "\(month.specialistID.lowercased)" != specialistFolder || "\(month.month).json" != name {
            problems.append(DataProblem(
                path: relative, kind: .employerContacts,
                message: "file holds specialist \(month.specialistID.lowercased), month \(JSONCoding.escapedForMessage(String(month.month.prefix(20)))), which does not match its place; it was loaded"))
        }
        // The month's key ("YYYY-MM"), compared as numbers rather than formatted for every contact.
        let key = Array(month.month.utf8)
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        let plain = key.count == 7 && key[4] == UInt8(ascii: "-") && key[0..<4].allSatisfy(isDigit) && key[5..<7].allSatisfy(isDigit)
        let year = plain ? key[0..<4].reduce(0) { $0 * 10 + Int($1 - 48) } : nil
        let monthNumber = plain ? key[5..<7].reduce(0) { $0 * 10 + Int($1 - 48) } : nil
        for (index, contact) in month.contacts.enumerated() {
            let inMonth = if let year, let monthNumber { contact.date.year == year && contact.date.month == monthNumber }
                          else { DataLayout.monthKey(contact.date) == month.month }
            if !inMonth || contact.specialistID != month.specialistID {
                problems.append(DataProblem(
                    path: relative, kind: .employerContacts,
                    message: "contacts[\(index)] (\(contact.date)) does not belong to this specialist and month; it was loaded"))
            }
        }
        return problems
    }

    /// The versions kept under `conflicts/` after save conflicts, with the record each belongs to.
    func keptCopies() -> [PendingMerge] {
        DurableFile.list(folder.appendingPathComponent(DataLayout.conflicts)).compactMap { name in
            guard name.hasSuffix(".json") else { return nil }
            let copy = "\(DataLayout.conflicts)/\(name)"
            guard let record = DataLayout.recordOfKeptCopy(name) else {
                return PendingMerge(record: copy, copy: copy, source: .keptAfterConflict)
            }
            return PendingMerge(record: record, copy: copy, source: .keptAfterConflict)
        }
    }
}
