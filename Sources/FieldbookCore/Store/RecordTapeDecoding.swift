import Foundation

/// The fast paths of whole client and employer files, field for field what their `Decodable`
/// conformances read (with `Job`, `JobSupports`, `StatusChange`, `DueDismissal`, `Disclosure`,
/// `FollowAlongStepDown` and `EmployerPerson`): the same keys, required and optional alike; an
/// optional absent or null is nil; a defaulted field (`@DefaultWhenAbsent`) absent or null is
/// its default; a key this version does not know is skipped. Whatever is not plain (see `TapeFastPath`) is a
/// `TapeMiss`, and `client(from:)` or `employer(from:)` then decodes the file through `Codable`,
/// so the record or the error is exactly that path's. Used by the export's reading only. Keep
/// them in step with the records' stored properties: `ClientFastPathTests` and
/// `EmployerFastPathTests` compare both paths on every sample record, generated folders and
/// hand-edited files.
extension TapeFastPath {
    /// The client a file's tape holds: by the fast path when it is plain, else through `Codable`.
    static func client(from tape: JSONTape) throws -> Client {
        if let client = try? client(tape, at: 0) { return client }
        return try TapeDecoding.decode(Client.self, from: tape, fastPaths: true)
    }

    static func client(_ tape: JSONTape, at index: Int) throws(TapeMiss) -> Client {
        var id: Int?, name: Int?, preferredName: Int?, phone: Int?, email: Int?, address: Int?, programEntryDate: Int?
        var referralSource: Int?, referralDate: Int?, specialistID: Int?, status: Int?, statusHistory: Int?
        var declinedFollowAlong: Int?, followAlongIntervalDays: Int?, followAlongStepDown: Int?, workingAtEntry: Int?
        var mentalHealthTeam: Int?, clinician: Int?, vocationalRehabCounsellor: Int?, benefits: Int?
        var benefitsPlanningDone: Int?, disclosure: Int?, notes: Int?, externalID: Int?, recordsBegin: Int?, jobs: Int?
        var contacts: Int?, dueDismissals: Int?, createdAt: Int?, updatedAt: Int?
        try tape.fastMembers(of: index) { key, value in
            if tape.fastKey(key, is: "id") { id = value }
            else if tape.fastKey(key, is: "name") { name = value }
            else if tape.fastKey(key, is: "preferredName") { preferredName = value }
            else if tape.fastKey(key, is: "phone") { phone = value }
            else if tape.fastKey(key, is: "email") { email = value }
            else if tape.fastKey(key, is: "address") { address = value }
            else if tape.fastKey(key, is: "programEntryDate") { programEntryDate = value }
            else if tape.fastKey(key, is: "referralSource") { referralSource = value }
            else if tape.fastKey(key, is: "referralDate") { referralDate = value }
            else if tape.fastKey(key, is: "specialistID") { specialistID = value }
            else if tape.fastKey(key, is: "status") { status = value }
            else if tape.fastKey(key, is: "statusHistory") { statusHistory = value }
            else if tape.fastKey(key, is: "declinedFollowAlong") { declinedFollowAlong = value }
            else if tape.fastKey(key, is: "followAlongIntervalDays") { followAlongIntervalDays = value }
            else if tape.fastKey(key, is: "followAlongStepDown") { followAlongStepDown = value }
            else if tape.fastKey(key, is: "workingAtEntry") { workingAtEntry = value }
            else if tape.fastKey(key, is: "mentalHealthTeam") { mentalHealthTeam = value }
            else if tape.fastKey(key, is: "clinician") { clinician = value }
            else if tape.fastKey(key, is: "vocationalRehabCounsellor") { vocationalRehabCounsellor = value }
            else if tape.fastKey(key, is: "benefits") { benefits = value }
            else if tape.fastKey(key, is: "benefitsPlanningDone") { benefitsPlanningDone = value }
            else if tape.fastKey(key, is: "disclosure") { disclosure = value }
            else if tape.fastKey(key, is: "notes") { notes = value }
            else if tape.fastKey(key, is: "externalID") { externalID = value }
            else if tape.fastKey(key, is: "recordsBegin") { recordsBegin = value }
            else if tape.fastKey(key, is: "jobs") { jobs = value }
            else if tape.fastKey(key, is: "contacts") { contacts = value }
            else if tape.fastKey(key, is: "dueDismissals") { dueDismissals = value }
            else if tape.fastKey(key, is: "createdAt") { createdAt = value }
            else if tape.fastKey(key, is: "updatedAt") { updatedAt = value }
        }
        guard let id, let name, let programEntryDate, let status, let benefits, let benefitsPlanningDone, let disclosure,
              let jobs, let contacts, let createdAt, let updatedAt
        else { throw TapeMiss() }
        var client = Client(
            id: try tape.fastUUID(id), name: try tape.fastString(name), preferredName: try tape.fastOptionalString(preferredName),
            phone: try tape.fastOptionalString(phone), email: try tape.fastOptionalString(email),
            address: try tape.fastOptionalString(address), programEntryDate: try tape.fastDate(programEntryDate),
            referralSource: try tape.fastOptionalString(referralSource), referralDate: try tape.fastOptionalDate(referralDate),
            specialistID: try tape.fastOptionalUUID(specialistID), status: ClientStatus(sharing: try tape.fastString(status)),
            statusHistory: try tape.fastDefaulted(statusHistory, []) { (tape, list) throws(TapeMiss) in
                try tape.fastList(at: list, statusChange)
            },
            declinedFollowAlong: try tape.fastDefaulted(declinedFollowAlong, false) { (tape, flag) throws(TapeMiss) in
                try tape.fastBool(flag)
            },
            followAlongIntervalDays: try tape.fastOptional(followAlongIntervalDays) { (tape, number) throws(TapeMiss) in
                try tape.fastInt(number)
            },
            followAlongStepDown: try tape.fastOptional(followAlongStepDown, stepDown),
            workingAtEntry: try tape.fastOptional(workingAtEntry) { (tape, flag) throws(TapeMiss) in try tape.fastBool(flag) },
            mentalHealthTeam: try tape.fastOptionalString(mentalHealthTeam), clinician: try tape.fastOptionalString(clinician),
            vocationalRehabCounsellor: try tape.fastOptionalString(vocationalRehabCounsellor),
            benefits: try tape.fastList(at: benefits) { (tape, item) throws(TapeMiss) in Benefit(sharing: try tape.fastString(item)) },
            benefitsPlanningDone: try tape.fastBool(benefitsPlanningDone), disclosure: try self.disclosure(tape, at: disclosure),
            notes: try tape.fastOptionalString(notes), jobs: try tape.fastList(at: jobs, job),
            contacts: try tape.fastList(at: contacts, clientContact),
            dueDismissals: try tape.fastDefaulted(dueDismissals, []) { (tape, list) throws(TapeMiss) in
                try tape.fastList(at: list, dueDismissal)
            },
            createdAt: try tape.fastTimestamp(createdAt), updatedAt: try tape.fastTimestamp(updatedAt))
        client.externalID = try tape.fastOptionalString(externalID)
        client.recordsBegin = try tape.fastOptionalDate(recordsBegin)
        return client
    }

    /// The employer a file's tape holds: by the fast path when it is plain, else through `Codable`.
    static func employer(from tape: JSONTape) throws -> Employer {
        if let employer = try? employer(tape, at: 0) { return employer }
        return try TapeDecoding.decode(Employer.self, from: tape, fastPaths: true)
    }

    static func employer(_ tape: JSONTape, at index: Int) throws(TapeMiss) -> Employer {
        var id: Int?, name: Int?, businessType: Int?, address: Int?, phone: Int?, website: Int?, people: Int?
        var hiringNeeds: Int?, notes: Int?, dueDismissals: Int?, createdAt: Int?, updatedAt: Int?
        try tape.fastMembers(of: index) { key, value in
            if tape.fastKey(key, is: "id") { id = value }
            else if tape.fastKey(key, is: "name") { name = value }
            else if tape.fastKey(key, is: "businessType") { businessType = value }
            else if tape.fastKey(key, is: "address") { address = value }
            else if tape.fastKey(key, is: "phone") { phone = value }
            else if tape.fastKey(key, is: "website") { website = value }
            else if tape.fastKey(key, is: "people") { people = value }
            else if tape.fastKey(key, is: "hiringNeeds") { hiringNeeds = value }
            else if tape.fastKey(key, is: "notes") { notes = value }
            else if tape.fastKey(key, is: "dueDismissals") { dueDismissals = value }
            else if tape.fastKey(key, is: "createdAt") { createdAt = value }
            else if tape.fastKey(key, is: "updatedAt") { updatedAt = value }
        }
        guard let id, let name, let people, let createdAt, let updatedAt else { throw TapeMiss() }
        return Employer(
            id: try tape.fastUUID(id), name: try tape.fastString(name), businessType: try tape.fastOptionalString(businessType),
            address: try tape.fastOptionalString(address), phone: try tape.fastOptionalString(phone),
            website: try tape.fastOptionalString(website), people: try tape.fastList(at: people, employerPerson),
            hiringNeeds: try tape.fastOptionalString(hiringNeeds), notes: try tape.fastOptionalString(notes),
            dueDismissals: try tape.fastDefaulted(dueDismissals, []) { (tape, list) throws(TapeMiss) in
                try tape.fastList(at: list, dueDismissal)
            },
            createdAt: try tape.fastTimestamp(createdAt), updatedAt: try tape.fastTimestamp(updatedAt))
    }

    /// A person with an id (one written before people had ids gets a derived one from the
    /// `Codable` path, which knows its place in the list).
    static func employerPerson(_ tape: JSONTape, at index: Int) throws(TapeMiss) -> EmployerPerson {
        var id: Int?, name: Int?, title: Int?, phone: Int?, email: Int?, hires: Int?
        try tape.fastMembers(of: index) { key, value in
            if tape.fastKey(key, is: "id") { id = value }
            else if tape.fastKey(key, is: "name") { name = value }
            else if tape.fastKey(key, is: "title") { title = value }
            else if tape.fastKey(key, is: "phone") { phone = value }
            else if tape.fastKey(key, is: "email") { email = value }
            else if tape.fastKey(key, is: "hires") { hires = value }
        }
        guard let id, tape.nodes[id].kind != .null, let name, let hires else { throw TapeMiss() }
        return EmployerPerson(id: try tape.fastUUID(id), name: try tape.fastString(name), title: try tape.fastOptionalString(title),
                              phone: try tape.fastOptionalString(phone), email: try tape.fastOptionalString(email),
                              hires: try tape.fastBool(hires))
    }

    static func job(_ tape: JSONTape, at index: Int) throws(TapeMiss) -> Job {
        var id: Int?, employerID: Int?, employerName: Int?, title: Int?, startDate: Int?, endDate: Int?, hoursPerWeek: Int?
        var hourlyWage: Int?, isCompetitive: Int?, endReason: Int?, endNote: Int?, lossLearnedOn: Int?, selfEmployed: Int?
        var supports: Int?
        try tape.fastMembers(of: index) { key, value in
            if tape.fastKey(key, is: "id") { id = value }
            else if tape.fastKey(key, is: "employerID") { employerID = value }
            else if tape.fastKey(key, is: "employerName") { employerName = value }
            else if tape.fastKey(key, is: "title") { title = value }
            else if tape.fastKey(key, is: "startDate") { startDate = value }
            else if tape.fastKey(key, is: "endDate") { endDate = value }
            else if tape.fastKey(key, is: "hoursPerWeek") { hoursPerWeek = value }
            else if tape.fastKey(key, is: "hourlyWage") { hourlyWage = value }
            else if tape.fastKey(key, is: "isCompetitive") { isCompetitive = value }
            else if tape.fastKey(key, is: "endReason") { endReason = value }
            else if tape.fastKey(key, is: "endNote") { endNote = value }
            else if tape.fastKey(key, is: "lossLearnedOn") { lossLearnedOn = value }
            else if tape.fastKey(key, is: "selfEmployed") { selfEmployed = value }
            else if tape.fastKey(key, is: "supports") { supports = value }
        }
        guard let id, let employerName, let title, let startDate, let isCompetitive else { throw TapeMiss() }
        return Job(
            id: try tape.fastUUID(id), employerID: try tape.fastOptionalUUID(employerID),
            employerName: try tape.fastString(employerName), title: try tape.fastString(title),
            startDate: try tape.fastDate(startDate), endDate: try tape.fastOptionalDate(endDate),
            hoursPerWeek: try tape.fastOptional(hoursPerWeek) { (tape, number) throws(TapeMiss) in try tape.fastDouble(number) },
            hourlyWage: try tape.fastOptional(hourlyWage) { (tape, number) throws(TapeMiss) in try tape.fastDecimal(number) },
            isCompetitive: try tape.fastBool(isCompetitive),
            endReason: try tape.fastOptional(endReason) { (tape, text) throws(TapeMiss) in
                JobEndReason(sharing: try tape.fastString(text))
            },
            endNote: try tape.fastOptionalString(endNote), lossLearnedOn: try tape.fastOptionalDate(lossLearnedOn),
            selfEmployed: try tape.fastOptional(selfEmployed) { (tape, flag) throws(TapeMiss) in try tape.fastBool(flag) },
            supports: try tape.fastOptional(supports, jobSupports))
    }

    static func jobSupports(_ tape: JSONTape, at index: Int) throws(TapeMiss) -> JobSupports {
        var employerContact: Int?, wanted: Int?, notWanted: Int?
        try tape.fastMembers(of: index) { key, value in
            if tape.fastKey(key, is: "employerContact") { employerContact = value }
            else if tape.fastKey(key, is: "wanted") { wanted = value }
            else if tape.fastKey(key, is: "notWanted") { notWanted = value }
        }
        return JobSupports(employerContact: try tape.fastOptionalString(employerContact), wanted: try tape.fastOptionalString(wanted),
                           notWanted: try tape.fastOptionalString(notWanted))
    }

    static func statusChange(_ tape: JSONTape, at index: Int) throws(TapeMiss) -> StatusChange {
        var date: Int?, from: Int?, to: Int?
        try tape.fastMembers(of: index) { key, value in
            if tape.fastKey(key, is: "date") { date = value }
            else if tape.fastKey(key, is: "from") { from = value }
            else if tape.fastKey(key, is: "to") { to = value }
        }
        guard let date, let from, let to else { throw TapeMiss() }
        return StatusChange(date: try tape.fastDate(date), from: ClientStatus(sharing: try tape.fastString(from)),
                            to: ClientStatus(sharing: try tape.fastString(to)))
    }

    static func dueDismissal(_ tape: JSONTape, at index: Int) throws(TapeMiss) -> DueDismissal {
        var id: Int?, kind: Int?, dueOn: Int?, jobID: Int?, employerContactID: Int?, reason: Int?, dismissedOn: Int?
        var specialistID: Int?, createdAt: Int?
        try tape.fastMembers(of: index) { key, value in
            if tape.fastKey(key, is: "id") { id = value }
            else if tape.fastKey(key, is: "kind") { kind = value }
            else if tape.fastKey(key, is: "dueOn") { dueOn = value }
            else if tape.fastKey(key, is: "jobID") { jobID = value }
            else if tape.fastKey(key, is: "employerContactID") { employerContactID = value }
            else if tape.fastKey(key, is: "reason") { reason = value }
            else if tape.fastKey(key, is: "dismissedOn") { dismissedOn = value }
            else if tape.fastKey(key, is: "specialistID") { specialistID = value }
            else if tape.fastKey(key, is: "createdAt") { createdAt = value }
        }
        guard let id, let kind, let dueOn, let reason, let dismissedOn, let createdAt,
              let dueKind = DueKind(rawValue: try tape.fastString(kind))
        else { throw TapeMiss() }
        return DueDismissal(
            id: try tape.fastUUID(id), kind: dueKind, dueOn: try tape.fastDate(dueOn), jobID: try tape.fastOptionalUUID(jobID),
            employerContactID: try tape.fastOptionalUUID(employerContactID), reason: try tape.fastString(reason),
            dismissedOn: try tape.fastDate(dismissedOn), specialistID: try tape.fastOptionalUUID(specialistID),
            createdAt: try tape.fastTimestamp(createdAt))
    }

    static func disclosure(_ tape: JSONTape, at index: Int) throws(TapeMiss) -> Disclosure {
        var preference: Int?, whatMayBeSaid: Int?
        try tape.fastMembers(of: index) { key, value in
            if tape.fastKey(key, is: "preference") { preference = value }
            else if tape.fastKey(key, is: "whatMayBeSaid") { whatMayBeSaid = value }
        }
        guard let preference else { throw TapeMiss() }
        return Disclosure(preference: DisclosurePreference(sharing: try tape.fastString(preference)),
                          whatMayBeSaid: try tape.fastOptionalString(whatMayBeSaid))
    }

    static func stepDown(_ tape: JSONTape, at index: Int) throws(TapeMiss) -> FollowAlongStepDown {
        var date: Int?, to: Int?
        try tape.fastMembers(of: index) { key, value in
            if tape.fastKey(key, is: "date") { date = value }
            else if tape.fastKey(key, is: "to") { to = value }
        }
        guard let date, let to else { throw TapeMiss() }
        return FollowAlongStepDown(date: try tape.fastDate(date), to: try tape.fastString(to))
    }
}

extension JSONTape {
    /// An optional value: nil when its key is absent or null, else read by `read`.
    @inline(__always)
    func fastOptional<T>(_ index: Int?, _ read: (JSONTape, Int) throws(TapeMiss) -> T) throws(TapeMiss) -> T? {
        guard let index, nodes[index].kind != .null else { return nil }
        return try read(self, index)
    }

    /// A `@DefaultWhenAbsent` value: `absent` when its key is absent or null, else read by `read`.
    @inline(__always)
    func fastDefaulted<T>(_ index: Int?, _ absent: T, _ read: (JSONTape, Int) throws(TapeMiss) -> T) throws(TapeMiss) -> T {
        guard let index, nodes[index].kind != .null else { return absent }
        return try read(self, index)
    }

    /// A `Double` as `TapeDecoder` reads one (its text, finite).
    func fastDouble(_ index: Int) throws(TapeMiss) -> Double {
        guard nodes[index].kind == .number, let value = Double(numberText(at: index)), value.isFinite else { throw TapeMiss() }
        return value
    }
}
