// The replay test of one fuzz target (fuzz_replay_NAME, built by GCC in the everyday
// suite): runs LLVMFuzzerTestOneInput once on every file of tests/fuzz/corpus/NAME and
// tests/fuzz/regressions/NAME. A crash, a sanitizer report or a leak fails the test; the
// file being run is named on stderr first, so the failing input is known.

#include "FuzzSupport.h"

#include <QtCore/QDir>
#include <QtCore/QDirIterator>
#include <QtCore/QFile>

#include <cstdio>

int main()
{
    const QByteArray source = qgetenv("CREDVAULT_SOURCE_DIR");
    if (source.isEmpty()) {
        std::fprintf(stderr, "CREDVAULT_SOURCE_DIR is not set (run through ctest)\n");
        return 2;
    }
    const QString name = QStringLiteral(CREDVAULT_FUZZ_TARGET);
    const QString root = QString::fromLocal8Bit(source) + QStringLiteral("/tests/fuzz/");
    int files = 0;
    for (const QString &folder : {QStringLiteral("corpus/"), QStringLiteral("regressions/")}) {
        QStringList paths;
        QDirIterator it(root + folder + name, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            paths.append(it.next());
        paths.sort();
        for (const QString &path : std::as_const(paths)) {
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
                return 1;
            }
            const QByteArray bytes = f.readAll();
            std::fprintf(stderr, "%s\n", qPrintable(path));
            LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(bytes.constData()),
                                   std::size_t(bytes.size()));
            ++files;
        }
    }
    if (files == 0) {
        std::fprintf(stderr, "no seeds in %scorpus/%s\n", qPrintable(root), qPrintable(name));
        return 1;
    }
    std::printf("%s: %d inputs replayed\n", qPrintable(name), files);
    return 0;
}
