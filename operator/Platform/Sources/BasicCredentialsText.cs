namespace Paas.Platform.Sources;

/// <summary>A user name and password taken from a URL's user info, unescaped.</summary>
public sealed record BasicCredentialsText(string UserName, string Password)
{
    /// <summary>Never the password: records print themselves into logs.</summary>
    public override string ToString() => $"{UserName}:***";
}
