using System.Globalization;
using Adminduk.Domain.Applications;
using Adminduk.Domain.Services;
using Adminduk.Domain.Validation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Adminduk.Web.Features.Applications;

/// <summary>Marker for the citizen pages' texts (Resources/Features/Applications/ApplicationPages.resx) and their shared form handling.</summary>
public sealed class ApplicationPages
{
    public const string FilePrefix = "file.";

    /// <summary>Room for a full application (10 MB) plus a file that is too large, so the person gets a message rather than a bare 413.</summary>
    public const long RequestLimit = 16 * 1024 * 1024;

    public static string Text(LocalizedText text) => text.For(CultureInfo.CurrentUICulture);

    /// <summary>The catalogue fields' values from a posted form (unknown names are ignored).</summary>
    public static Dictionary<string, string?> Values(ServiceDefinition service, IFormCollection form, IEnumerable<string>? only = null)
    {
        var names = only?.ToHashSet(StringComparer.Ordinal);
        return service.Fields
            .Where(f => names is null || names.Contains(f.Name))
            .Where(f => form.ContainsKey(f.Name))
            .ToDictionary(f => f.Name, f => (string?)form[f.Name].ToString(), StringComparer.Ordinal);
    }

    /// <summary>Posted files, each read to at most one byte past the limit so an oversize file is reported, not buffered whole.</summary>
    public static async Task<List<UploadedFile>> FilesAsync(IFormCollection form, CancellationToken ct)
    {
        var files = new List<UploadedFile>();
        foreach (var file in form.Files.Where(f => f.Name.StartsWith(FilePrefix, StringComparison.Ordinal) && f.Length > 0))
        {
            var buffer = new byte[Math.Min(file.Length, AttachmentRules.MaxFileBytes + 1)];
            await using var stream = file.OpenReadStream();
            await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
            files.Add(new UploadedFile(file.Name[FilePrefix.Length..], file.FileName, buffer));
        }

        return files;
    }

    /// <summary>Copies a report's errors into model state, field by field, in the request's language.</summary>
    public static void AddErrors(ModelStateDictionary state, ValidationReport report)
    {
        foreach (var issue in report.Errors)
        {
            state.AddModelError(issue.Field, Text(issue.Message));
        }
    }

    public static string StatusKey(ApplicationStatus status) => "Status." + status;
}
