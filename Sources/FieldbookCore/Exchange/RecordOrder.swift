import Foundation

/// The order exports list dated records in: by date, then by id as its text sorts (compared as
/// bytes, never formatted). Sorted on each record's key and place, then the records picked once:
/// records are large values, and moving them in every step of a sort, or formatting two ids in
/// every comparison, was most of an agency export's time.
enum RecordOrder {
    static func byDateThenID<R>(_ records: [R], date: (R) -> LocalDate, id: (R) -> UUID) -> [R] {
        let keys = records.map { (date: date($0), id: id($0)) }
        let order = keys.indices.sorted { a, b in
            keys[a].date != keys[b].date ? keys[a].date < keys[b].date : UUIDText.precedes(keys[a].id, keys[b].id)
        }
        return order.map { records[$0] }
    }
}
