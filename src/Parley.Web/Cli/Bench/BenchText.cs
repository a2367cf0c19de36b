using System.Globalization;

namespace Parley.Web.Cli.Bench;

/// <summary>
/// Made-up but plausible words, names and shapes for benchmark content. Everything is drawn from a
/// seeded <see cref="Random"/>, so the same seed gives the same site byte for byte.
/// </summary>
internal static class BenchText
{
    private static readonly string[] Words = """
        river town bridge water winter summer garden bicycle market library school street harbour train station
        morning evening weekend notebook kitchen recipe bread coffee tea letter neighbour volunteer meeting council
        budget report number survey plan project tool repair workshop lesson teacher student music concert choir
        festival walk path forest hill valley field farm orchard apple harvest season rain storm flood drought
        energy solar panel battery roof window door wall paint brick stone timber cedar oak maple map route
        journey island coast boat ferry sail anchor net fish bird nest feather owl heron otter beaver fox deer
        software server database query index cache page thread comment reader writer editor draft version release
        question answer idea reason result change problem solution measure count week month year decade history
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);

    private static readonly string[] Small = ["the", "a", "our", "this", "every", "one", "some", "that", "their", "each"];
    private static readonly string[] Verbs = ["builds", "changes", "needs", "keeps", "shows", "follows", "meets", "opens", "carries", "finds", "brings", "holds", "turns", "asks for", "waits for"];
    private static readonly string[] Joins = ["and", "but", "because", "while", "so", "although", "when", "until", "after", "before"];
    private static readonly string[] Adjectives = ["quiet", "long", "small", "careful", "early", "late", "old", "new", "slow", "bright", "local", "shared", "honest", "simple", "patient"];
    private static readonly string[] TitleShapes =
    [
        "What {0} taught us about {1}", "Notes from the {2} {0}", "A {2} {0}, in {3} numbers", "Why the {0} {4} the {1}",
        "{3} lessons from a {2} {0}", "The {0} and the {1}", "How we fixed the {0}", "On {2} {1}s", "Field notes: {0} and {1}",
        "A year of {0}s", "Before the {1}: a {2} {0}", "Ask the {0}: {1}s",
    ];
    private static readonly string[] FirstNames = ["Ana", "Ben", "Chioma", "Dmitri", "Elif", "Farah", "Gus", "Hana", "Ines", "Jonas", "Kemal", "Lena", "Mateo", "Noor", "Olu", "Priya", "Quinn", "Rosa", "Sven", "Tamsin", "Umar", "Vera", "Wen", "Ximena", "Yusuf", "Zoe"];
    private static readonly string[] LastNames = ["Okafor", "Lindqvist", "Moreau", "Tanaka", "Haddad", "Novak", "Silva", "Kowalski", "Nguyen", "Brennan", "Castillo", "Fischer", "Adeyemi", "Rossi", "Petrov", "Walsh", "Ibrahim", "Larsen", "Mehta", "Duarte"];
    private static readonly string[] Numbers = ["three", "four", "five", "seven", "ten", "twelve"];

    public static string Word(Random rng) => Words[rng.Next(Words.Length)];

    public static string Title(Random rng)
    {
        var shape = TitleShapes[rng.Next(TitleShapes.Length)];
        var title = string.Format(CultureInfo.InvariantCulture, shape, Word(rng), Word(rng), Pick(rng, Adjectives), Pick(rng, Numbers), Pick(rng, Verbs));
        return char.ToUpperInvariant(title[0]) + title[1..];
    }

    public static string Sentence(Random rng)
    {
        var words = new List<string> { Pick(rng, Small), Pick(rng, Adjectives), Word(rng), Pick(rng, Verbs), Pick(rng, Small), Word(rng) };
        if (rng.Next(2) == 0) words.AddRange([Pick(rng, Joins), Pick(rng, Small), Word(rng), Pick(rng, Verbs), Pick(rng, Small), Pick(rng, Adjectives), Word(rng)]);
        if (rng.Next(4) == 0) words.AddRange(["in", Pick(rng, Small), Word(rng)]);
        var text = string.Join(' ', words);
        return char.ToUpperInvariant(text[0]) + text[1..] + (rng.Next(12) == 0 ? "?" : ".");
    }

    public static string Paragraph(Random rng, int minSentences = 3, int maxSentences = 6) =>
        string.Join(' ', Enumerable.Range(0, rng.Next(minSentences, maxSentences + 1)).Select(_ => Sentence(rng)));

    public static (string Name, string Email) Person(Random rng, int pool)
    {
        // A fixed pool of commenters, so trust and avatars see the same people come back.
        var n = rng.Next(pool);
        var first = FirstNames[n % FirstNames.Length];
        var last = LastNames[n / FirstNames.Length % LastNames.Length];
        return ($"{first} {last}", $"{first}.{last}{n}@example.test".ToLowerInvariant());
    }

    public static string Pick(Random rng, string[] from) => from[rng.Next(from.Length)];

    /// <summary>
    /// How <paramref name="total"/> comments fall on <paramref name="posts"/> posts: log-normal, as on real
    /// blogs, so most posts have a handful and a few have hundreds. Sums to <paramref name="total"/> exactly.
    /// </summary>
    public static int[] Spread(long total, int posts, Random rng)
    {
        var counts = new int[posts];
        if (posts == 0 || total == 0) return counts;
        var weights = new double[posts];
        double sum = 0;
        for (var i = 0; i < posts; i++)
        {
            // Box-Muller: a normal draw, then exp(1.6 · z) for the long tail.
            var z = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
            sum += weights[i] = Math.Exp(1.6 * z);
        }
        long given = 0;
        for (var i = 0; i < posts; i++) given += counts[i] = (int)Math.Floor(total * weights[i] / sum);
        for (var left = total - given; left > 0; left--) counts[rng.Next(posts)]++;
        return counts;
    }
}
