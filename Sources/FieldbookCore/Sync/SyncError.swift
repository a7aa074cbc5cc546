import Foundation

/// Why a sync, or setting one up, did not happen.
public enum SyncError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A hub the team's records must never go to (plain `http://`, `git://`).
    case refusedHub(String)
    /// The data folder does not share with a hub (no `sync init` or `join` yet).
    case notShared(path: String)
    /// `sync init` to a hub that already holds a team's records.
    case hubHoldsRecords
    /// `sync join` of a hub with no records yet.
    case hubEmpty
    /// `sync join` into a folder that already holds files.
    case folderNotEmpty(path: String)
    /// The hub's records are written in a newer format than this Fieldbook reads.
    case newerFormat(found: Int, supported: Int)
    /// Another sync of this folder is running.
    case busy
    /// The hub was reached and refused the push for a reason of its own.
    case hubRefused(reason: String)
    /// The hub (a folder) holds its branch's lock, made `ageSeconds` ago: a push under way, or
    /// one killed on its way; removed by a sync once it is older than ten minutes.
    case hubLocked(path: String, ageSeconds: Int)
    /// The hub's `fieldbook.json` is there but does not read: its format (and whether its
    /// records are encrypted) cannot be known, so nothing is merged.
    case hubFormatUnreadable
    /// The hub's records are encrypted and this copy's are not.
    case hubEncrypted
    /// The hub's records are encrypted with another folder key than this copy's.
    case otherFolderKey
    case git(Git.Failure)
    case store(StoreError)

    public var description: String {
        switch self {
        case .refusedHub(let hub) where hub.hasPrefix("-") || hub.isEmpty:
            "refused hub \"\(hub)\": not a hub address"
        case .refusedHub(let hub):
            "refused hub \(hub): plain http:// and git:// send health records unencrypted; use SSH, HTTPS or a folder"
        case .notShared(let path): "\(path) is not shared with a hub: run `fieldbook sync init HUB` or `fieldbook sync join HUB`"
        case .hubHoldsRecords: "the hub already holds a team's records: join it with `fieldbook sync join HUB --data NEW-FOLDER`"
        case .hubEmpty: "the hub holds no records yet: share a data folder with it first (`fieldbook sync init HUB`)"
        case .folderNotEmpty(let path): "\(path) already holds files: join into a new folder"
        case .newerFormat(let found, let supported):
            "the hub's records are in format version \(found), this Fieldbook reads up to \(supported): update Fieldbook, then sync"
        case .busy: "another sync of this folder is running"
        case .hubRefused(let reason):
            "the hub refused this copy's changes (\(reason)); they are kept here for the next sync. A sync "
                + "interrupted while sending to a hub in a folder can leave refs/heads/main.lock or HEAD.lock in the hub: "
                + "remove it once no one is syncing"
        case .hubLocked(let path, let age):
            "the hub's branch is locked (\(path), made \(age / 60) min \(age % 60) s ago): another copy may be sending "
                + "right now. This copy's changes are kept here; sync again in a minute. A lock left by a sync that was "
                + "interrupted is removed by the next sync once it is ten minutes old"
        case .hubFormatUnreadable:
            "the hub's fieldbook.json does not read as a data folder's format file, so its format (and whether its "
                + "records are encrypted) is unknown: nothing was merged or sent. Whoever changed it on the hub can put it "
                + "back (`git log fieldbook.json` in the hub shows who); this copy's changes are kept here"
        case .hubEncrypted:
            "the hub's records are encrypted and this copy's are not: nothing was merged or sent. Join the hub anew "
                + "(`fieldbook sync join HUB --data NEW-FOLDER`) and open it with the team's passphrase"
        case .otherFolderKey:
            "the hub's records are encrypted with another folder key than this copy's: nothing was merged or sent. "
                + "Join the hub anew (`fieldbook sync join HUB --data NEW-FOLDER`)"
        case .git(let failure): failure.description
        case .store(let error): error.description
        }
    }
}
