/// The line under a page's title: when it was printed and as of which day.
enum PrintedLine {
    static func text(printedOn: LocalDate, asOf: LocalDate) -> String {
        "Printed on \(printedOn), as of \(asOf)"
    }
}
