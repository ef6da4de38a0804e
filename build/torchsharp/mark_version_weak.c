/*
 * mark_version_weak FILE VERSION
 *
 * Sets VER_FLG_WEAK on every version requirement named VERSION in the SHT_GNU_verneed
 * section of the 64-bit little-endian ELF shared object FILE, in place. The dynamic loader
 * then accepts a libstdc++ that lacks VERSION instead of refusing to load FILE.
 * Exit codes: 0 patched or already weak, 1 usage or I/O error, 2 not found or not ELF64.
 */
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned char *read_all(const char *path, long *size)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    *size = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *buf = malloc((size_t)*size);
    if (buf && fread(buf, 1, (size_t)*size, f) != (size_t)*size) { free(buf); buf = NULL; }
    fclose(f);
    return buf;
}

int main(int argc, char **argv)
{
    if (argc != 3) { fprintf(stderr, "usage: mark_version_weak FILE VERSION\n"); return 1; }
    long size = 0;
    unsigned char *elf = read_all(argv[1], &size);
    if (!elf) { fprintf(stderr, "%s: cannot read\n", argv[1]); return 1; }

    Elf64_Ehdr *eh = (Elf64_Ehdr *)elf;
    if (size < (long)sizeof *eh || memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0
        || eh->e_ident[EI_CLASS] != ELFCLASS64 || eh->e_ident[EI_DATA] != ELFDATA2LSB)
    {
        fprintf(stderr, "%s: not a 64-bit little-endian ELF file\n", argv[1]);
        return 2;
    }

    Elf64_Shdr *sections = (Elf64_Shdr *)(elf + eh->e_shoff);
    int marked = 0;
    for (int i = 0; i < eh->e_shnum; i++)
    {
        if (sections[i].sh_type != SHT_GNU_verneed) continue;
        const char *strtab = (const char *)(elf + sections[sections[i].sh_link].sh_offset);
        unsigned char *entry = elf + sections[i].sh_offset;
        for (unsigned n = 0; n < sections[i].sh_info; n++)
        {
            Elf64_Verneed *need = (Elf64_Verneed *)entry;
            unsigned char *aux_at = entry + need->vn_aux;
            for (unsigned a = 0; a < need->vn_cnt; a++)
            {
                Elf64_Vernaux *aux = (Elf64_Vernaux *)aux_at;
                if (strcmp(strtab + aux->vna_name, argv[2]) == 0)
                {
                    aux->vna_flags |= VER_FLG_WEAK;
                    marked++;
                }
                aux_at += aux->vna_next;
            }
            entry += need->vn_next;
        }
    }
    if (marked == 0) { fprintf(stderr, "%s: no requirement on %s\n", argv[1], argv[2]); return 2; }

    FILE *out = fopen(argv[1], "r+b");
    if (!out || fwrite(elf, 1, (size_t)size, out) != (size_t)size || fclose(out) != 0)
    {
        fprintf(stderr, "%s: cannot write\n", argv[1]);
        return 1;
    }
    printf("%s: marked %d requirement(s) on %s weak\n", argv[1], marked, argv[2]);
    free(elf);
    return 0;
}
