import Foundation

/// The cut-offs of the fidelity items the records score, each with its anchor in the project's
/// own words. The scale's own anchor text is copyrighted (`FidelityScale.source`).
extension FidelitySuggestions {
    /// Item 1. 20 or fewer: 5; 21-25: 4; 26-30: 3; 31-40: 2; 41 or more: 1.
    public static func caseloadScore(_ active: Int) -> Int {
        switch active {
        case ...20: 5
        case 21...25: 4
        case 26...30: 3
        case 31...40: 2
        default: 1
        }
    }

    static func caseloadAnchor(_ score: Int) -> String {
        ["1: 41 or more", "2: 31-40", "3: 26-30", "4: 21-25", "5: 20 or fewer"][score - 1] + " active clients per specialist"
    }

    /// Item 15. Average days to the first face-to-face employer contact: 30 or fewer: 5;
    /// 31-60: 4; 61-150: 3; 151-270: 2; 271 or more: 1.
    public static func rapidSearchScore(days: Double) -> Int {
        switch days.rounded() {
        case ...30: 5
        case ...60: 4
        case ...150: 3
        case ...270: 2
        default: 1
        }
    }

    static func rapidSearchAnchor(_ score: Int) -> String {
        ["1: 271 days or more", "2: 151-270 days", "3: 61-150 days", "4: 31-60 days", "5: 30 days or fewer"][score - 1]
            + " from entry to the first employer contact, on average"
    }

    /// Item 17, one specialist. At or above their weekly target (6, or 2 per job seeker below
    /// 3: `ContactTally.weeklyTarget`): 5; otherwise 5 a week: 4; 4: 3; 2: 2; fewer: 1.
    public static func employerContactScore(_ perWeek: Double, weeklyTarget: Double) -> Int {
        if perWeek >= weeklyTarget { return 5 }
        switch perWeek {
        case 5...: return 4
        case 4...: return 3
        case 2...: return 2
        default: return 1
        }
    }

    static func employerContactAnchor(_ score: Int) -> String {
        ["1: fewer than 2", "2: 2 or 3", "3: 4", "4: 5", "5: 6 or more (2 per job seeker below 3 job seekers)"][score - 1]
            + " face-to-face contacts a week on behalf of people looking for work, specialists' scores averaged"
    }

    /// Item 20 (and 19 for a reviewer). Share of jobs with different employers: 85 %+: 5;
    /// 70-84 %: 4; 60-69 %: 3; 50-59 %: 2; less: 1.
    public static func diversityScore(share: Double) -> Int {
        switch share {
        case 0.85...: 5
        case 0.70...: 4
        case 0.60...: 3
        case 0.50...: 2
        default: 1
        }
    }

    static func diversityAnchor(_ score: Int) -> String {
        ["1: under 50 %", "2: 50-59 %", "3: 60-69 %", "4: 70-84 %", "5: 85 % or more"][score - 1] + " of jobs with different employers"
    }

    /// Item 21. Share of competitive jobs: 95 %+: 5; 85-94 %: 4; 75-84 %: 3; 65-74 %: 2; less: 1.
    public static func competitiveScore(share: Double) -> Int {
        switch share {
        case 0.95...: 5
        case 0.85...: 4
        case 0.75...: 3
        case 0.65...: 2
        default: 1
        }
    }

    static func competitiveAnchor(_ score: Int) -> String {
        ["1: under 65 %", "2: 65-74 %", "3: 75-84 %", "4: 85-94 %", "5: 95 % or more"][score - 1] + " of jobs competitive"
    }
}
