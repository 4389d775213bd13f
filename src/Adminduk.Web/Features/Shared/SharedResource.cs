namespace Adminduk.Web;

/// <summary>
/// Marker for the shared UI strings in Resources/SharedResource.resx (Indonesian, the neutral language)
/// and Resources/SharedResource.en.resx. It sits in the root namespace so the resource name is short.
/// </summary>
public sealed class SharedResource
{
}
