namespace Adminduk.Web.Features.Register.Effects;

/// <summary>
/// The register does not allow what an approved form asks (the KK is gone, the person already lives here, ...).
/// Thrown inside the approval's transaction, so the approval is not saved; submission checks catch most of these first.
/// </summary>
public sealed class RegisterEffectException(string message) : InvalidOperationException(message);
