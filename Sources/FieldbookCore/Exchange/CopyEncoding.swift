import Foundation

/// A record's bytes as the full copy writes it (`JSONWriter` of `TreeEncoding`'s tree, `depth`
/// levels deep), with the two contact records, clients and employers written straight from
/// their fields (the last two in CopyEncoding+Records.swift): they are nearly all of an agency's records, and
/// building a tree of each (a dictionary per object, its keys sorted again) was most of an
/// export's time. Every other record goes through `TreeEncoding`. Keep the members in step with
/// the records' stored properties: `CopyProofTests`, `ClientFastPathTests`, `EmployerFastPathTests` and
/// `StreamedCopyTests` compare both ways on every sample file, generated folders and hand-made
/// records with every optional set and none.
///
/// The same code writes into an array (the copy) or into a `CopyProof`, which compares what
/// would be written with a file's bytes without writing it: so the proof that a record's bytes
/// are already the copy's can never drift from the copy itself.
enum CopyEncoding {
    static func append<R: Encodable, S: CopySink>(_ record: R, depth: Int, into out: inout S) throws {
        if let contact = record as? EmployerContact {
            employerContact(contact, depth: depth, into: &out)
        } else if let client = record as? Client {
            try self.client(client, depth: depth, into: &out)
        } else if let employer = record as? Employer {
            self.employer(employer, depth: depth, into: &out)
        } else {
            out.tree(try TreeEncoding.encode(record), depth: depth)
        }
    }

    /// The members of one object, in the order given (the caller gives them sorted).
    struct Members {
        var depth: Int
        var first = true

        mutating func key<S: CopySink>(_ name: StaticString, _ out: inout S) {
            out.key(name, depth: depth + 1, first: first)
            first = false
        }

        func close<S: CopySink>(_ out: inout S) {
            out.append(UInt8(ascii: "\n"))
            out.indent(depth)
            out.append(UInt8(ascii: "}"))
        }
    }

    @inline(__always)
    private static func uuid<S: CopySink>(_ id: UUID, _ out: inout S) { out.uuid(id) }

    @inline(__always)
    private static func timestamp<S: CopySink>(_ date: Date, _ out: inout S) { out.timestamp(date) }

    @inline(__always)
    private static func day<S: CopySink>(_ date: LocalDate, _ out: inout S) { out.day(date) }

    /// An array of `count` items `depth` levels deep, each written by `item`.
    static func list<S: CopySink>(_ count: Int, depth: Int, _ out: inout S, _ item: (Int, inout S) -> Void) {
        out.literal("[\n")
        if count == 0 { out.append(UInt8(ascii: "\n")) }
        for index in 0..<count {
            out.indent(depth + 1)
            item(index, &out)
            if index != count - 1 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\n"))
        }
        out.indent(depth)
        out.append(UInt8(ascii: "]"))
    }

    /// `EmployerContact`'s synthesized `Encodable`: optionals left out when nil, keys sorted.
    static func employerContact<S: CopySink>(_ contact: EmployerContact, depth: Int, into out: inout S) {
        out.literal("{\n")
        var members = Members(depth: depth)
        if let value = contact.contactPerson { members.key("contactPerson", &out); out.string(value) }
        if let value = contact.contactPersonID { members.key("contactPersonID", &out); uuid(value, &out) }
        if let value = contact.contactTitle { members.key("contactTitle", &out); out.string(value) }
        members.key("createdAt", &out); timestamp(contact.createdAt, &out)
        members.key("date", &out); day(contact.date, &out)
        members.key("employerID", &out); uuid(contact.employerID, &out)
        if let value = contact.hiringNeeds { members.key("hiringNeeds", &out); out.string(value) }
        members.key("id", &out); uuid(contact.id, &out)
        members.key("jobSeekerIDs", &out)
        let seekers = contact.jobSeekerIDs
        list(seekers.count, depth: depth + 1, &out) { index, out in uuid(seekers[index], &out) }
        members.key("jobSeekerPresent", &out); out.literal(contact.jobSeekerPresent ? "true" : "false")
        members.key("method", &out); out.string(contact.method.rawValue)
        if let value = contact.nextStep { members.key("nextStep", &out); out.string(value) }
        if let value = contact.nextStepDate { members.key("nextStepDate", &out); day(value, &out) }
        if let value = contact.outcome { members.key("outcome", &out); out.string(value) }
        members.key("purpose", &out); out.string(contact.purpose.rawValue)
        members.key("specialistID", &out); uuid(contact.specialistID, &out)
        members.key("updatedAt", &out); timestamp(contact.updatedAt, &out)
        members.close(&out)
    }

    /// `ClientContact`'s synthesized `Encodable`.
    static func clientContact<S: CopySink>(_ contact: ClientContact, depth: Int, into out: inout S) {
        out.literal("{\n")
        var members = Members(depth: depth)
        members.key("createdAt", &out); timestamp(contact.createdAt, &out)
        members.key("date", &out); day(contact.date, &out)
        members.key("id", &out); uuid(contact.id, &out)
        members.key("kind", &out); out.string(contact.kind.rawValue)
        if let value = contact.note { members.key("note", &out); out.string(value) }
        if let value = contact.place { members.key("place", &out); out.string(value) }
        if let value = contact.specialistID { members.key("specialistID", &out); uuid(value, &out) }
        members.close(&out)
    }
}
