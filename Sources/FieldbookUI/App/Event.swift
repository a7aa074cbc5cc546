import FieldbookCore
import Foundation

/// What happens to the app: a key, a new window size, the clock, or the answer to an effect.
public enum Event: Sendable {
    case key(Key)
    case resize(Size)
    /// The time now; sent about every second and before each key.
    case tick(Date)
    /// `merged` names the fields taken from a change made elsewhere meanwhile (empty: none).
    case saved(Client, merged: [String] = [])
    case saveFailed(StoreError)
    /// The data folder as read again from disk.
    case reloaded(DataSnapshot)
}

/// What the app asks the main loop to do: the only way anything leaves `update`.
public enum Effect: Hashable, Sendable {
    /// Save this client (with their jobs and contacts). The loop answers `.saved` or `.saveFailed`.
    case saveClient(Client)
    /// Read the data folder again; the loop answers `.reloaded`.
    case reload
    /// Repaint the whole terminal (Ctrl-L).
    case redraw
    case quit
}
