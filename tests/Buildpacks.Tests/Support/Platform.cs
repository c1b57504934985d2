// The buildpacks are bash scripts and dynos start through setsid: these tests run on Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
