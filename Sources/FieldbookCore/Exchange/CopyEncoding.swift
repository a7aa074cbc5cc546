import Foundation

/// A record's bytes as the full copy writes it (`JSONWriter` of `TreeEncoding`'s tree, `depth`
/// levels deep), with the two contact records written straight from their fields: they are
/// nine in ten of an agency's records, and building a tree of each (a dictionary per object,
/// its keys sorted again) was most of an export's time. Every other record goes through
/// `TreeEncoding`. Keep the contacts' members in step with their stored properties:
/// `CopyEncodingTests` compare both ways on every sample file, generated folders and hand-made
/// records with every optional set and none.
enum CopyEncoding {
    static func append<R: Encodable>(_ record: R, depth: Int, into out: inout [UInt8]) throws {
        if let contact = record as? EmployerContact {
            employerContact(contact, depth: depth, into: &out)
        } else if let client = record as? Client {
            try self.client(client, depth: depth, into: &out)
        } else {
            JSONWriter.append(try TreeEncoding.encode(record), depth: depth, into: &out)
        }
    }

    /// The members of one object, in the order given (the caller gives them sorted).
    private struct Members {
        var depth: Int
        var first = true

        mutating func key(_ name: StaticString, _ out: inout [UInt8]) {
            if first {
                first = false
            } else {
                out.append(contentsOf: ",\n".utf8)
            }
            JSONWriter.indent(depth + 1, into: &out)
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out.append(contentsOf: "\" : ".utf8)
        }

        func close(_ out: inout [UInt8]) {
            out.append(UInt8(ascii: "\n"))
            JSONWriter.indent(depth, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    // Ids, timestamps and dates hold nothing to escape: written in quotes as they are.
    @inline(__always)
    private static func uuid(_ id: UUID, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        UUIDText.append(id, into: &out)
        out.append(UInt8(ascii: "\""))
    }

    @inline(__always)
    private static func timestamp(_ date: Date, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        Timestamp.append(date, into: &out)
        out.append(UInt8(ascii: "\""))
    }

    @inline(__always)
    private static func day(_ date: LocalDate, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        date.appendText(into: &out)
        out.append(UInt8(ascii: "\""))
    }

    /// An array of `count` items `depth` levels deep, each written by `item`.
    private static func list(_ count: Int, depth: Int, _ out: inout [UInt8], _ item: (Int, inout [UInt8]) -> Void) {
        out.append(contentsOf: "[\n".utf8)
        if count == 0 { out.append(UInt8(ascii: "\n")) }
        for index in 0..<count {
            JSONWriter.indent(depth + 1, into: &out)
            item(index, &out)
            if index != count - 1 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\n"))
        }
        JSONWriter.indent(depth, into: &out)
        out.append(UInt8(ascii: "]"))
    }

    /// `EmployerContact`'s synthesized `Encodable`: optionals left out when nil, keys sorted.
    static func employerContact(_ contact: EmployerContact, depth: Int, into out: inout [UInt8]) {
        out.append(contentsOf: "{\n".utf8)
        var members = Members(depth: depth)
        if let value = contact.contactPerson { members.key("contactPerson", &out); JSONWriter.appendString(value, into: &out) }
        if let value = contact.contactPersonID { members.key("contactPersonID", &out); uuid(value, &out) }
        if let value = contact.contactTitle { members.key("contactTitle", &out); JSONWriter.appendString(value, into: &out) }
        members.key("createdAt", &out); timestamp(contact.createdAt, &out)
        members.key("date", &out); day(contact.date, &out)
        members.key("employerID", &out); uuid(contact.employerID, &out)
        if let value = contact.hiringNeeds { members.key("hiringNeeds", &out); JSONWriter.appendString(value, into: &out) }
        members.key("id", &out); uuid(contact.id, &out)
        members.key("jobSeekerIDs", &out)
        let seekers = contact.jobSeekerIDs
        list(seekers.count, depth: depth + 1, &out) { index, out in uuid(seekers[index], &out) }
        members.key("jobSeekerPresent", &out); out.append(contentsOf: (contact.jobSeekerPresent ? "true" : "false").utf8)
        members.key("method", &out); JSONWriter.appendString(contact.method.rawValue, into: &out)
        if let value = contact.nextStep { members.key("nextStep", &out); JSONWriter.appendString(value, into: &out) }
        if let value = contact.nextStepDate { members.key("nextStepDate", &out); day(value, &out) }
        if let value = contact.outcome { members.key("outcome", &out); JSONWriter.appendString(value, into: &out) }
        members.key("purpose", &out); JSONWriter.appendString(contact.purpose.rawValue, into: &out)
        members.key("specialistID", &out); uuid(contact.specialistID, &out)
        members.key("updatedAt", &out); timestamp(contact.updatedAt, &out)
        members.close(&out)
    }

    /// `ClientContact`'s synthesized `Encodable`.
    static func clientContact(_ contact: ClientContact, depth: Int, into out: inout [UInt8]) {
        out.append(contentsOf: "{\n".utf8)
        var members = Members(depth: depth)
        members.key("createdAt", &out); timestamp(contact.createdAt, &out)
        members.key("date", &out); day(contact.date, &out)
        members.key("id", &out); uuid(contact.id, &out)
        members.key("kind", &out); JSONWriter.appendString(contact.kind.rawValue, into: &out)
        if let value = contact.note { members.key("note", &out); JSONWriter.appendString(value, into: &out) }
        if let value = contact.place { members.key("place", &out); JSONWriter.appendString(value, into: &out) }
        if let value = contact.specialistID { members.key("specialistID", &out); uuid(value, &out) }
        members.close(&out)
    }

    /// A client through `TreeEncoding` without its contacts, which are written in their place
    /// among the members (sorted as `JSONWriter` sorts them).
    static func client(_ client: Client, depth: Int, into out: inout [UInt8]) throws {
        var rest = client
        rest.contacts = []
        guard case .object(let members) = try TreeEncoding.encode(rest), members["contacts"] != nil else {
            JSONWriter.append(try TreeEncoding.encode(client), depth: depth, into: &out)
            return
        }
        let contacts = client.contacts
        out.append(contentsOf: "{\n".utf8)
        let sorted = members.sorted { $0.key < $1.key }
        for (offset, member) in sorted.enumerated() {
            JSONWriter.indent(depth + 1, into: &out)
            JSONWriter.appendString(member.key, into: &out)
            out.append(contentsOf: " : ".utf8)
            if member.key == "contacts" {
                list(contacts.count, depth: depth + 1, &out) { index, out in
                    clientContact(contacts[index], depth: depth + 2, into: &out)
                }
            } else {
                JSONWriter.append(member.value, depth: depth + 1, into: &out)
            }
            if offset != sorted.count - 1 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\n"))
        }
        JSONWriter.indent(depth, into: &out)
        out.append(UInt8(ascii: "}"))
    }
}
