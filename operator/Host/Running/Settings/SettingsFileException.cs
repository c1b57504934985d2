namespace Paas.Host.Running.Settings;

/// <summary>A settings file the operator cannot start with; the message names the file, every bad key, its value and the fix.</summary>
public sealed class SettingsFileException(string message) : Exception(message);
