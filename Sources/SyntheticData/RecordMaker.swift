import FieldbookCore
import Foundation

/// Makes the records of a synthetic folder from a seed: names from many languages (accents,
/// CJK), every status, jobs held and ended, weekly contacts, employer visits every working day.
struct RecordMaker {
    var random: SeededRandom
    let today: LocalDate

    init(seed: UInt64, today: LocalDate) {
        random = SeededRandom(seed: seed)
        self.today = today
    }

    static let firstNames = ["José", "María", "Zoë", "Ming", "Aisha", "Liam", "Olga", "Kwame", "Sofía", "Hiroshi",
                             "Fatima", "Noah", "Chloé", "Dmitri", "Amara", "Lucas", "Priya", "Mateo", "Ingrid", "Yusuf",
                             "小明", "Nguyễn", "Søren", "Ana", "Tomás", "Lea", "Omar", "Grace", "Björn", "Elena"]
    static let lastNames = ["Álvarez-Ruiz", "Smith", "Nakamura", "Okafor", "Fernández", "Kowalski", "Müller", "O'Brien",
                            "Haddad", "Johansson", "王", "Tran", "García", "Dubois", "Rossi", "Novak", "Patel", "Kim",
                            "Silva", "Jensen", "Cohen", "Ivanova", "Mensah", "Larsen", "Moreau", "Reyes", "Hughes", "Berg"]
    static let businesses = ["Grocery", "Bakery", "Hardware", "Café", "Warehouse", "Hotel", "Garden centre", "Library",
                             "Print shop", "Bike shop", "Clinic", "Laundry", "Pet store", "Cinema", "Car wash"]
    static let titles = ["Stock associate", "Barista", "Cook", "Cashier", "Groundskeeper", "Clerk", "Driver", "Cleaner"]
    static let phrases = ["Talked about the next steps at work.", "Prefers mornings; the bus is easier then.",
                          "Wants more hours after the first month.", "Asked about disclosure to the manager.",
                          "Interview went well; waiting to hear.", "Met at the library to update the resume.",
                          "Worried about benefits; planning meeting booked.", "Likes working with animals."]

    mutating func personName() -> String { "\(random.pick(Self.firstNames)) \(random.pick(Self.lastNames))" }

    /// A moment on `day` at a working hour, in UTC.
    func moment(_ day: LocalDate, minute: Int) -> Date {
        Date(timeIntervalSince1970: Double(day.dayNumber) * 86_400 + 9 * 3_600 + Double(minute % 480) * 60)
    }

    mutating func snapshot(_ size: SyntheticFolder.Size) -> DataSnapshot {
        var snapshot = DataSnapshot()
        let start = today.adding(days: -900)
        snapshot.specialists = (0..<size.specialists).map { n in
            Specialist(id: random.uuid(), name: size.specialists == 1 ? "Maria Lopez" : "\(personName()) \(n + 1)",
                       createdAt: moment(start, minute: n))
        }
        snapshot.employers = (0..<size.employers).map { n in
            let business = random.pick(Self.businesses)
            let people = (0..<(1 + random.below(2))).map { _ in
                EmployerPerson(id: random.uuid(), name: personName(), title: "Manager", hires: random.below(2) == 0)
            }
            return Employer(id: random.uuid(), name: "\(random.pick(Self.lastNames)) \(business) \(n + 1)", businessType: business,
                            address: "\(n + 1) Main Street", people: people, hiringNeeds: random.pick(Self.phrases),
                            createdAt: moment(start, minute: n))
        }
        snapshot.clients = (0..<size.clients).map { n in client(n, size: size, specialists: snapshot.specialists,
                                                                   employers: snapshot.employers) }
        var contacts: [EmployerContact] = []
        contacts.reserveCapacity(size.employerContacts)
        let firstMonth = today.adding(months: -(size.months - 1))
        for specialist in snapshot.specialists {
            for month in 0..<size.months {
                let monthStart = firstMonth.adding(months: month).adding(days: 1 - firstMonth.day)
                for k in 0..<size.employerContactsPerMonth {
                    // Spread over the month's first 28 days, never after yesterday.
                    var day = monthStart.adding(days: k * 28 / size.employerContactsPerMonth)
                    if day >= today { day = today.adding(days: -1 - k % 3) }
                    let employer = random.pick(snapshot.employers)
                    let hasNextStep = random.below(4) == 0
                    let created = moment(day, minute: k * 17)
                    contacts.append(EmployerContact(
                        id: random.uuid(), date: day, specialistID: specialist.id, employerID: employer.id,
                        contactPersonID: employer.people.first?.id, contactPerson: employer.people.first?.name,
                        purpose: random.pick(EmployerContactPurpose.allCases),
                        method: random.below(3) == 0 ? .phone : .faceToFace, hiringNeeds: random.pick(Self.phrases),
                        outcome: random.pick(Self.phrases), nextStep: hasNextStep ? "Visit again" : nil,
                        nextStepDate: hasNextStep ? day.adding(days: 14) : nil, createdAt: created, updatedAt: created))
                }
            }
        }
        snapshot.employerContacts = contacts.sorted { ($0.date, $0.createdAt) < ($1.date, $1.createdAt) }
        return snapshot
    }

    mutating func client(_ n: Int, size: SyntheticFolder.Size, specialists: [Specialist], employers: [Employer]) -> Client {
        let entry = today.adding(days: -30 - random.below(700))
        let status = ClientStatus.allCases[n % ClientStatus.allCases.count]
        var jobs: [Job] = []
        if status == .working || status == .followAlong || n % 5 == 0 {
            let employer = random.pick(employers)
            let started = entry.adding(days: 20 + random.below(max(1, entry.days(until: today) - 20)))
            if random.below(3) == 0 {
                // An earlier job that ended.
                let earlier = random.pick(employers)
                jobs.append(Job(id: random.uuid(), employerID: earlier.id, employerName: earlier.name, title: random.pick(Self.titles),
                                startDate: entry.adding(days: 5), endDate: entry.adding(days: 15), hoursPerWeek: 12,
                                endReason: .resigned))
            }
            jobs.append(Job(id: random.uuid(), employerID: employer.id, employerName: employer.name, title: random.pick(Self.titles),
                            startDate: started, hoursPerWeek: Double(10 + random.below(25)), hourlyWage: Decimal(15 + random.below(8))))
        }
        let specialist = specialists[n % specialists.count].id
        let contacts = (0..<size.contactsPerClient).map { c in
            let day = min(today.adding(days: -1), entry.adding(days: c * max(1, entry.days(until: today) / size.contactsPerClient)))
            return ClientContact(id: random.uuid(), date: day, kind: c % 4 == 3 ? .phone : .faceToFace,
                                 place: c % 2 == 0 ? "Library" : "Café", note: random.pick(Self.phrases),
                                 specialistID: specialist, createdAt: moment(day, minute: c))
        }
        let created = moment(entry, minute: n)
        return Client(id: random.uuid(), name: personName(), preferredName: n % 7 == 0 ? random.pick(Self.firstNames) : nil,
                      phone: "555-01\(String(format: "%02d", n % 100))", programEntryDate: entry, referralSource: "Clinic",
                      specialistID: specialist, status: status, benefits: n % 2 == 0 ? [.ssi, .medicaid] : [.snap],
                      notes: random.pick(Self.phrases), jobs: jobs, contacts: contacts, createdAt: created,
                      updatedAt: moment(contacts.last?.date ?? entry, minute: 0))
    }
}
