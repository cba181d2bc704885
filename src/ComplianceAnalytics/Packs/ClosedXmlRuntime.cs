using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;

namespace ComplianceAnalytics.Packs;

/// <summary>
/// Lets ClosedXML 0.95 run without the System.Drawing.Common package, which this repository's NuGet
/// copy lacks (see build/ClosedXml.props). ClosedXML needs that assembly even to create a workbook:
/// for <c>ColorTranslator</c>, which .NET now ships in System.Drawing.Primitives, and for static
/// fields typed with <c>Graphics</c>. When the runtime cannot find System.Drawing.Common, this
/// answers with a generated assembly of that name that forwards the System.Drawing.Primitives types
/// and declares the few GDI+ types ClosedXML names as empty classes with no members. Anything that
/// really uses GDI+ (AdjustToContents, pictures) then throws MissingMethodException instead of
/// producing a wrong workbook.
/// </summary>
internal static class ClosedXmlRuntime
{
    private const string FacadeName = "System.Drawing.Common";

    /// <summary>TypeAttributes.Forwarder (ECMA-335 II.23.1.15), which System.Reflection does not name.</summary>
    private const TypeAttributes Forwarder = (TypeAttributes)0x00200000;

    /// <summary>The System.Drawing.Common types ClosedXML 0.95.4 refers to that .NET itself does not provide.</summary>
    private static readonly (string Namespace, string Name)[] EmptyClasses =
    [
        ("System.Drawing", "Graphics"),
        ("System.Drawing", "StringFormat"),
        ("System.Drawing", "Image"),
        ("System.Drawing", "Bitmap"),
        ("System.Drawing", "Font"),
        ("System.Drawing.Imaging", "ImageFormat"),
        ("System.Drawing.Imaging", "ImageCodecInfo"),
    ];

    private static readonly Lazy<Assembly> Facade = new(BuildFacade);
    private static int _installed;

    public static void EnsureInstalled()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 0)
        {
            AssemblyLoadContext.Default.Resolving += (_, name) =>
                string.Equals(name.Name, FacadeName, StringComparison.Ordinal) ? Facade.Value : null;
        }
    }

    private static Assembly BuildFacade()
    {
        var metadata = new MetadataBuilder();
        metadata.AddModule(
            0,
            metadata.GetOrAddString(FacadeName + ".dll"),
            metadata.GetOrAddGuid(new Guid("5d1c1f0e-7b1a-4c53-9a55-1a7b4e0c2f11")),
            default,
            default);
        metadata.AddAssembly(metadata.GetOrAddString(FacadeName), new Version(4, 0, 0, 0), default, default, 0, AssemblyHashAlgorithm.Sha1);

        var coreLibrary = Reference(metadata, typeof(object).Assembly);
        var objectType = metadata.AddTypeReference(coreLibrary, metadata.GetOrAddString("System"), metadata.GetOrAddString("Object"));
        var enumType = metadata.AddTypeReference(coreLibrary, metadata.GetOrAddString("System"), metadata.GetOrAddString("Enum"));
        var firstField = MetadataTokens.FieldDefinitionHandle(1);
        var firstMethod = MetadataTokens.MethodDefinitionHandle(1);

        metadata.AddTypeDefinition(default, default, metadata.GetOrAddString("<Module>"), default, firstField, firstMethod);
        foreach (var (space, name) in EmptyClasses)
        {
            metadata.AddTypeDefinition(
                TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.BeforeFieldInit,
                metadata.GetOrAddString(space),
                metadata.GetOrAddString(name),
                objectType,
                firstField,
                firstMethod);
        }

        // FontStyle is a value type in signatures, so it must be an enum of the right size; it is last and owns field 1.
        metadata.AddTypeDefinition(
            TypeAttributes.Public | TypeAttributes.Sealed,
            metadata.GetOrAddString("System.Drawing"),
            metadata.GetOrAddString("FontStyle"),
            enumType,
            firstField,
            firstMethod);
        var int32Signature = new BlobBuilder();
        new BlobEncoder(int32Signature).Field().Type().Int32();
        metadata.AddFieldDefinition(
            FieldAttributes.Public | FieldAttributes.SpecialName | FieldAttributes.RTSpecialName,
            metadata.GetOrAddString("value__"),
            metadata.GetOrAddBlob(int32Signature));

        var primitives = typeof(System.Drawing.ColorTranslator).Assembly;
        var primitivesReference = Reference(metadata, primitives);
        foreach (var type in primitives.GetExportedTypes().Where(t => !t.IsNested))
        {
            metadata.AddExportedType(
                Forwarder,
                type.Namespace is null ? default : metadata.GetOrAddString(type.Namespace),
                metadata.GetOrAddString(type.Name),
                primitivesReference,
                0);
        }

        var image = new BlobBuilder();
        new ManagedPEBuilder(PEHeaderBuilder.CreateLibraryHeader(), new MetadataRootBuilder(metadata), new BlobBuilder()).Serialize(image);
        using var stream = new MemoryStream(image.ToArray());
        return AssemblyLoadContext.Default.LoadFromStream(stream);
    }

    private static AssemblyReferenceHandle Reference(MetadataBuilder metadata, Assembly assembly)
    {
        var name = assembly.GetName();
        return metadata.AddAssemblyReference(
            metadata.GetOrAddString(name.Name!),
            name.Version!,
            default,
            metadata.GetOrAddBlob(name.GetPublicKeyToken() ?? []),
            default,
            default);
    }
}
