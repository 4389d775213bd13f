namespace Adminduk.Web.Features.Documents;

/// <summary>Marker for the documents pages' texts (Resources/Features/Documents/DocumentPages.resx).</summary>
public sealed class DocumentPages;
