namespace Kube.Testing.Lifecycle;

/// <summary>Completes <c>metadata.generateName</c> with five random characters, from the alphabet Kubernetes uses.</summary>
internal static class NameGenerator
{
    // Kubernetes leaves out vowels and easily confused characters so generated names spell no words.
    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static string Generate(string prefix)
    {
        var maxPrefix = 63 - 5;
        var trimmed = prefix.Length > maxPrefix ? prefix[..maxPrefix] : prefix;
        return trimmed + string.Create(5, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
                span[i] = Alphabet[Random.Shared.Next(Alphabet.Length)];
        });
    }
}
