// What an admin gets from `serve`'s settings: the command line over the environment over the
// data directory's configuration file over the default, and where each one came from.
#include "server/ops/layeredsettings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using qx::server::LayeredSettings;

class tst_LayeredSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void flagsOverEnvironmentOverFileOverDefault()
    {
        QTemporaryDir dir;
        const QString config = dir.filePath(u"quantenergx.conf"_s);
        {
            QSettings file(config, QSettings::IniFormat);
            file.setValue(u"serve/price-band-pct"_s, 15);
            file.setValue(u"serve/max-order-lots"_s, 500);
            file.setValue(u"serve/cors-origin"_s, u"https://a.example, https://b.example"_s);
        }
        const QCommandLineOption band(u"price-band-pct"_s, {}, u"PCT"_s, u"20"_s);
        const QCommandLineOption lots(u"max-order-lots"_s, {}, u"N"_s, u"100000"_s);
        const QCommandLineOption cors(u"cors-origin"_s, {}, u"ORIGIN"_s);
        const QCommandLineOption simulate(u"simulate"_s, QString());
        const QCommandLineOption listen(u"listen"_s, {}, u"HOST:PORT"_s, u"127.0.0.1:8787"_s);
        QCommandLineParser parser;
        parser.addOptions({ band, lots, cors, simulate, listen });
        QVERIFY(parser.parse({ u"serve"_s, u"--max-order-lots"_s, u"7"_s }));
        qputenv("QX_PRICE_BAND_PCT", "5");
        qputenv("QX_SIMULATE", "yes");

        const LayeredSettings settings(parser, u"serve"_s, config);
        QCOMPARE(settings.value(lots), u"7"_s); // the flag, over the file's 500
        QCOMPARE(settings.sourceOf(lots), u"--max-order-lots"_s);
        QCOMPARE(settings.value(band), u"5"_s); // the environment, over the file's 15
        QCOMPARE(settings.sourceOf(band), u"QX_PRICE_BAND_PCT"_s);
        QCOMPARE(settings.values(cors),
                 (QStringList { u"https://a.example"_s, u"https://b.example"_s }));
        QCOMPARE(settings.sourceOf(cors), u"configuration file"_s);
        QVERIFY(settings.enabled(simulate));
        QCOMPARE(settings.value(listen), u"127.0.0.1:8787"_s);
        QVERIFY(!settings.has(listen));

        // Without a section (a command that has no settings), only flags and defaults.
        const LayeredSettings plain(parser, QString(), config);
        QCOMPARE(plain.value(band), u"20"_s);
        QVERIFY(!plain.enabled(simulate));
        qunsetenv("QX_PRICE_BAND_PCT");
        qunsetenv("QX_SIMULATE");
    }
};

QTEST_GUILESS_MAIN(tst_LayeredSettings)
#include "tst_layeredsettings.moc"
