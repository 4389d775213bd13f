namespace Adminduk.Web.Features.Register;

/// <summary>Marker for the register pages' texts (Resources/Features/Register/RegisterPages.resx).</summary>
public sealed class RegisterPages;
