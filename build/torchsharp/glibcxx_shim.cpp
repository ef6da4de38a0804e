// Supplies the one libstdc++ symbol from GCC 13 (GLIBCXX_3.4.32) that TorchSharp's native glue
// imports. Debian 12 ships GCC 12's libstdc++, which lacks it. In GCC 13 the function only
// guarantees that the standard streams are initialised; with GCC 12's libstdc++ they are
// initialised by the library's own static constructor, so an empty body is the same behaviour.
namespace std
{
    void ios_base_library_init() {}
}
