/// Minutes, hours and days for step sleeps and timeouts: `.minutes(5)`, `.hours(24)`, `.days(7)`.
extension Duration {
    /// `minutes` × 60 seconds.
    public static func minutes(_ minutes: Int) -> Duration { .seconds(Int64(minutes) * 60) }
    /// `hours` × 3600 seconds.
    public static func hours(_ hours: Int) -> Duration { .seconds(Int64(hours) * 3_600) }
    /// `days` × 86 400 seconds.
    public static func days(_ days: Int) -> Duration { .seconds(Int64(days) * 86_400) }
}
