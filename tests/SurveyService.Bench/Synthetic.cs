using System.Text;

namespace SurveyService.Bench;

/// <summary>
/// Reproducible answer content: one seeded Random drives everything, so two runs of the seeder
/// give the same database (apart from generated ids) and the same workbook sizes.
/// </summary>
internal sealed class Synthetic(int seed)
{
    // Mostly plain words, with accented and non-Latin (BMP) ones so the writer's encoding and
    // sanitising see realistic multilingual text; no surrogate pairs, so cutting a text at any
    // length never splits a character.
    private static readonly string[] Words =
    [
        "the", "of", "and", "to", "in", "spectrum", "network", "access", "rural", "broadband", "regulation", "policy",
        "operators", "satellite", "coverage", "investment", "affordability", "standards", "interoperability", "security",
        "resilience", "administration", "consultation", "member", "states", "sector", "academia", "stakeholders", "digital",
        "inclusion", "capacity", "building", "should", "must", "would", "could", "support", "propose", "recommend", "concern",
        "framework", "national", "regional", "international", "cooperation", "fibre", "mobile", "licensing", "allocation",
        "harmonisation", "développement", "télécommunications", "réglementation", "Entwicklung", "Netzbetreiber",
        "desarrollo", "política", "cobertura", "развитие", "связь", "التنمية", "الاتصالات", "发展", "电信", "頻率", "ネットワーク",
        "2030", "5G", "IMT", "WRC-27", "e.g.", "i.e.", "(see annex)", "%", "€", "—",
    ];

    private readonly Random _random = new(seed);

    public int Next(int minInclusive, int maxExclusive) => _random.Next(minInclusive, maxExclusive);

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>A text of exactly <paramref name="length"/> characters: sentences of words, now and then a new paragraph.</summary>
    public string Text(int length)
    {
        var text = new StringBuilder(length + 32);
        // A few answers open with a dash or an equals sign, as lists and pasted formulas do, so the
        // writer's quote-prefix path is exercised as it would be in real answers.
        if (_random.Next(100) == 0)
            text.Append(_random.Next(2) == 0 ? "- " : "=");
        var sentence = 0;
        while (text.Length < length)
        {
            var word = Words[_random.Next(Words.Length)];
            text.Append(sentence == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word);
            if (++sentence >= _random.Next(6, 20))
            {
                text.Append(_random.Next(12) == 0 ? ".\n\n" : ". ");
                sentence = 0;
            }
            else
            {
                text.Append(' ');
            }
        }
        return text.ToString(0, length).TrimEnd();
    }

    public string Name(int index) =>
        $"{Pick(["Ministry of", "Agency for", "Institute of", "Association for", "University of", "Council on"])} "
        + $"{char.ToUpperInvariant(Words[_random.Next(5, 50)][0])}{Words[_random.Next(5, 50)][1..]} {index:D5}";

    public string Hex(int bytes)
    {
        var buffer = new byte[bytes];
        _random.NextBytes(buffer);
        return Convert.ToHexStringLower(buffer);
    }
}
