using Paas.Platform.Api;

namespace Paas.Controllers.Releases;

/// <summary>The Release a ledger append ended with, and whether this call created it or found it already recorded.</summary>
public sealed record LedgerEntry(Release Release, bool Created);
