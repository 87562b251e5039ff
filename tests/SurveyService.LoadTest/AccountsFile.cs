using System.Text.Json;

namespace SurveyService.LoadTest;

/// <summary>
/// Respondents already provisioned and signed in, kept between runs against the same service
/// (--accounts FILE). Provisioning hashes two passwords per respondent, about two minutes for
/// 2,000 on two cores; a saved file lets the next run against the same database start at once.
/// Each run still makes its own consultation, so the saved focal points answer it afresh.
/// Access tokens last an hour; past that, delete the file.
/// </summary>
internal static class AccountsFile
{
    internal sealed record Account(int Index, RespondentCategory Category, string AccessToken);

    private sealed record Contents(Account[] Measured, Account[] Warmup);

    public static (Account[] Measured, Account[] Warmup)? Read(string path, int respondents, int warmup)
    {
        if (!File.Exists(path))
            return null;
        var contents = JsonSerializer.Deserialize<Contents>(File.ReadAllBytes(path), ServiceClient.Json)
            ?? throw new InvalidDataException($"{path} is not an accounts file.");
        if (contents.Measured.Length < respondents || contents.Warmup.Length < warmup)
            throw new InvalidDataException($"{path} holds {contents.Measured.Length} respondents and {contents.Warmup.Length} warm-up accounts; "
                + $"this run needs {respondents} and {warmup}. Delete it to provision afresh.");
        return (contents.Measured[..respondents], contents.Warmup[..warmup]);
    }

    public static Respondent[] Answering(IEnumerable<Account> accounts, ServiceClient client, BenchmarkConsultation consultation) =>
        [.. accounts.Select(a => new Respondent(a.Index, a.Category, a.AccessToken, client.SaveBodyFor(consultation, a.Category, a.Index)))];

    public static void Write(string path, IEnumerable<Respondent> measured, IEnumerable<Respondent> warmup) =>
        File.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(
            new Contents([.. measured.Select(ToAccount)], [.. warmup.Select(ToAccount)]), ServiceClient.Json));

    private static Account ToAccount(Respondent r) => new(r.Index, r.Category, r.AccessToken);
}
