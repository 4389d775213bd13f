using System.ComponentModel.DataAnnotations;

namespace Adminduk.Web.Features.CitizenAccount;

/// <summary>Codes as people type them: spaces and dashes between the digits are dropped.</summary>
public static class CodeInput
{
    public static string Normalize(string? input) =>
        new([.. (input ?? "").Where(c => c is not (' ' or '-' or '\u00a0'))]);
}

/// <summary>The one field of the code pages.</summary>
public sealed class CodeInputModel
{
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.Code")]
    [StringLength(20, ErrorMessage = "Validation.TooLong")]
    public string Code { get; set; } = "";
}
