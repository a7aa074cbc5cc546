import FieldbookCore
import Foundation

/// Forty local businesses: (name, type of business, street).
let employerSeeds: [(String, String, String)] = [
    ("Bean There Café", "Coffee shop", "14 Mill St"), ("Greenleaf Grocery", "Grocery store", "220 Oak Ave"),
    ("Riverside Public Library", "Library", "1 Library Sq"), ("Hartmann Hardware", "Hardware store", "87 Elm St"),
    ("Sunrise Bakery", "Bakery", "5 Baker Ln"), ("City Parks Department", "Local government", "300 Civic Center"),
    ("Northside Auto Care", "Auto repair", "1020 Route 9"), ("Paws & Claws Pet Supply", "Pet store", "42 Market St"),
    ("Harbor View Hotel", "Hotel", "9 Harbor Rd"), ("Lotus Garden Restaurant", "Restaurant", "77 Pine St"),
    ("Quick Print Shop", "Printing", "18 Commerce Way"), ("Maple Ridge Care Home", "Elder care", "400 Maple Dr"),
    ("Fresh Start Laundromat", "Laundry", "63 2nd St"), ("Evergreen Landscaping", "Landscaping", "12 Industrial Pk"),
    ("Bright Smile Dental", "Dental office", "501 Health Plaza"), ("Corner Books", "Bookshop", "3 Corner Pl"),
    ("Metro Transit Authority", "Public transit", "1 Depot St"), ("Valley Food Bank", "Non-profit", "88 Mission St"),
    ("Summit Fitness", "Gym", "150 Summit Ave"), ("Golden Dragon Kitchen", "Restaurant", "29 Canal St"),
    ("Reliable Movers", "Moving company", "700 Freight Rd"), ("St. Agnes Hospital", "Hospital", "1000 Mercy Blvd"),
    ("Clean Sweep Janitorial", "Cleaning services", "45 Service Rd"), ("TechFix Repairs", "Electronics repair", "66 Circuit St"),
    ("Riverside Community College", "College", "2 Campus Dr"), ("Hometown Pharmacy", "Pharmacy", "19 Main St"),
    ("Big Box Warehouse", "Warehouse", "5000 Logistics Pkwy"), ("Little Sprouts Daycare", "Child care", "31 Nursery Ln"),
    ("Pizza Piazza", "Restaurant", "90 Main St"), ("Green Thumb Nursery", "Garden centre", "14 Greenhouse Rd"),
    ("Shiny Wheels Car Wash", "Car wash", "8 Route 9"), ("Office Depot Plus", "Office supplies", "250 Retail Row"),
    ("Café Müller", "Café", "21 Linden St"), ("Seaside Seafood Market", "Fish market", "3 Wharf St"),
    ("Ace Security Services", "Security", "12 Guard Ave"), ("Riverside Zoo", "Zoo", "1 Zoo Rd"),
    ("Stitch & Sew Tailors", "Tailor", "7 Thread St"), ("Good Neighbor Thrift", "Thrift store", "56 Second Ave"),
    ("Blue Ocean Call Center", "Call centre", "800 Telecom Dr"), ("Hillside Golf Club", "Golf club", "1 Fairway Dr"),
]
let contactPeople = ["Sam Patel", "Rosa Jiménez", "Tom Becker", "Aiko Tanaka", "Grace Mensah", "Liam O'Brien",
                     "Fatima Haddad", "Olga Petrova", "Marcus Reed", "Chen Wei", "Isabel Costa", "Noah Goldberg"]
let titles = ["Store manager", "Owner", "HR coordinator", "Shift supervisor", "Hiring manager", "Operations manager"]

/// The employer directory, a person who hires at each.
@MainActor func makeEmployers() -> [Employer] {
    employerSeeds.enumerated().map { index, seed in
        Employer(id: uuid(), name: seed.0, businessType: seed.1, address: "\(seed.2), Riverside",
                 phone: "555-02\(String(format: "%02d", index))",
                 people: [EmployerPerson(id: uuid(), name: pick(contactPeople), title: pick(titles), hires: true)],
                 notes: chance(0.3) ? "Prefers visits mid-morning, after the rush." : nil,
                 createdAt: stamp(anchor.adding(days: -int(120...700))))
    }
}
