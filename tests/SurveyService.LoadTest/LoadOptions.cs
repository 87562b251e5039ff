namespace SurveyService.LoadTest;

/// <summary>What to run, from the command line. Defaults match the README's run command in Development.</summary>
internal sealed record LoadOptions
{
    public Uri BaseUrl { get; init; } = new("http://localhost:5080");
    public int Respondents { get; init; } = 200;

    /// <summary>How many respondents are in flight at once; 0 means all of them (the deadline rush itself).</summary>
    public int Concurrency { get; init; }

    /// <summary>Parallel requests during the untimed setup; the server hashes a password for each account and each sign-in.</summary>
    public int SetupParallelism { get; init; } = 8;

    /// <summary>The service's SQLite file, read afterwards to count what was kept.</summary>
    public string? Sqlite { get; init; }

    public string SecretariatEmail { get; init; } = "secretariat@example.org";
    public string SecretariatPassword { get; init; } = "Demo-Password-2026";

    /// <summary>The service's process id, to report the processor time it spent in the measured phase.</summary>
    public int? ServicePid { get; init; }

    public bool SkipCeiling { get; init; }

    /// <summary>After the rush, the same respondents make two authenticated reads each instead of writing: the HTTP floor.</summary>
    public bool Floor { get; init; }

    /// <summary>Signed-in respondents saved by an earlier run against the same service, or written here after provisioning.</summary>
    public string? AccountsFile { get; init; }

    /// <summary>
    /// 0: every respondent is released at the same instant (the rush). Otherwise arrivals are
    /// spread evenly over this many seconds, to see latency at an arrival rate below capacity.
    /// </summary>
    public double ArrivalSeconds { get; init; }

    /// <summary>
    /// Respondents who save and submit untimed before each measured phase, on a consultation (or
    /// database file) of their own, so the first requests do not time the JIT and EF's query compilation.
    /// </summary>
    public int Warmup { get; init; } = 100;

    /// <summary>
    /// How many warm-up consultations those respondents answer: JIT tiering and EF's query caches
    /// need on the order of a thousand save+submit pairs before rates settle.
    /// </summary>
    public int WarmupRounds { get; init; } = 10;

    /// <summary>
    /// Extra concurrencies for the in-process ceiling besides the rush's own: SQLite has one writer,
    /// so the fastest in-process rate may come from fewer writers, and that rate is the ceiling.
    /// </summary>
    public int[] CeilingSweep { get; init; } = [1, 4, 16, 64];

    /// <summary>
    /// The portal comparison instead of the rush: the same respondents answer through the JSON API
    /// and through the portal's HTML forms, each path on a consultation of its own.
    /// </summary>
    public bool Portal { get; init; }

    /// <summary>Measured rounds of the portal comparison, each path once per round, the first path alternating.</summary>
    public int Rounds { get; init; } = 4;

    public int EffectiveConcurrency => Concurrency <= 0 ? Respondents : Math.Min(Concurrency, Respondents);

    public const string Usage = """
        SurveyService.LoadTest: a deadline rush against a running service, then the in-process ceiling.
          --base-url URL               the service (default http://localhost:5080); loopback only
          --respondents N              respondents who save and submit (default 200)
          --concurrency C              respondents in flight at once (default: all N)
          --setup-parallelism P        parallel requests while provisioning accounts (default 8)
          --sqlite PATH                the service's SQLite file, opened read-only to count submissions
          --secretariat-email EMAIL    (default secretariat@example.org)
          --secretariat-password PW    (default Demo-Password-2026)
          --service-pid PID            report the service's processor time in the measured phase
          --warmup W                   untimed respondents before the measured HTTP phase, kept apart (default 100)
          --warmup-rounds R            warm-up consultations each of them answers (default 10)
          --ceiling-sweep C1,C2,...    more in-process concurrencies to try for the ceiling (default 1,4,16,64; "none" for none)
          --arrival-seconds S          spread the respondents' arrivals evenly over S seconds (default 0: all at once)
          --no-ceiling                 skip the in-process ceiling
          --floor                      after the rush, the same respondents released the same way, each reading
                                       the consultation twice (no writes): the HTTP floor of this machine
          --accounts FILE              reuse the signed-in respondents saved in FILE by an earlier run against the
                                       same service, or save them there (tokens last an hour)
          --portal                     instead of the rush: the same N respondents, with the same answers, through
                                       the JSON API (GET questionnaire, PUT, POST submit) and through the portal's
                                       HTML forms as a browser without script (questionnaire page, post, review
                                       page, post Submit, receipt), each path on a consultation of its own, in
                                       rounds alternating which path goes first; sign-in through each door measured
                                       apart; then a few respondents one at a time. No in-process ceiling; not with
                                       --floor or --accounts. Needs the sign-in limit raised (SignIn__PermitLimit) as
                                       run-benchmark.sh does: every respondent signs in twice from one address.
          --rounds R                   measured rounds of --portal (default 4)
        """;

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--base-url" => options with { BaseUrl = new Uri(Value()) },
                "--respondents" => options with { Respondents = int.Parse(Value()) },
                "--concurrency" => options with { Concurrency = int.Parse(Value()) },
                "--setup-parallelism" => options with { SetupParallelism = int.Parse(Value()) },
                "--sqlite" => options with { Sqlite = Value() },
                "--secretariat-email" => options with { SecretariatEmail = Value() },
                "--secretariat-password" => options with { SecretariatPassword = Value() },
                "--service-pid" => options with { ServicePid = int.Parse(Value()) },
                "--warmup" => options with { Warmup = int.Parse(Value()) },
                "--warmup-rounds" => options with { WarmupRounds = int.Parse(Value()) },
                "--ceiling-sweep" => options with { CeilingSweep = List(Value()) },
                "--arrival-seconds" => options with { ArrivalSeconds = double.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture) },
                "--no-ceiling" => options with { SkipCeiling = true },
                "--floor" => options with { Floor = true },
                "--accounts" => options with { AccountsFile = Value() },
                "--portal" => options with { Portal = true },
                "--rounds" => options with { Rounds = int.Parse(Value()) },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        if (options.Respondents < 1 || options.Warmup < 0 || options.WarmupRounds < 0 || options.ArrivalSeconds < 0)
            throw new ArgumentException("--respondents must be at least 1, --warmup and --arrival-seconds at least 0.");
        if (options.Portal && (options.Floor || options.AccountsFile is not null || options.Rounds < 1))
            throw new ArgumentException("--portal takes neither --floor nor --accounts, and needs --rounds of at least 1.");
        // The workplace rule and the point of the exercise: traffic stays on this machine.
        if (!options.BaseUrl.IsLoopback)
            throw new ArgumentException($"--base-url must be a loopback address (localhost, 127.0.0.1, [::1]); {options.BaseUrl} is not.");
        return options;
    }

    private static int[] List(string value) => value == "none" ? [] : [.. value.Split(',').Select(int.Parse)];
}
