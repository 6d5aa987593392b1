// SPDX-License-Identifier: GPL-3.0-or-later
// The Spanish catalogue compiled into the program must reach tr() in our namespaced classes:
// tr() looks strings up under the class's meta-object name ("sasquatch::MainWindow").
#include "gui/app/AppTranslator.h"
#include "gui/app/MainWindow.h"

#include <QApplication>
#include <QLocale>
#include <QTest>

using namespace sasquatch;

class tst_Translations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void spanishReachesNamespacedClasses_data()
    {
        QTest::addColumn<QByteArray>("context");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("expected");
        QTest::newRow("MainWindow") << QByteArray(MainWindow::staticMetaObject.className())
                                    << QStringLiteral("Catalog") << QStringLiteral("Catálogo");
        QTest::newRow("unknown string") << QByteArray(MainWindow::staticMetaObject.className())
                                        << QStringLiteral("no such text 12345") << QString();
    }

    void spanishReachesNamespacedClasses()
    {
        QFETCH(QByteArray, context);
        QFETCH(QString, source);
        QFETCH(QString, expected);
        AppTranslator translator;
        QVERIFY(translator.load(QLocale(QLocale::Spanish, QLocale::Spain), QStringLiteral("sasquatch"),
                                QStringLiteral("_"), QStringLiteral(":/i18n")));
        QCOMPARE(translator.translate(context.constData(), source.toUtf8().constData()), expected);
    }

    void englishHasNoCatalogue()
    {
        AppTranslator translator;
        QVERIFY(!translator.load(QLocale(QLocale::English, QLocale::UnitedStates), QStringLiteral("sasquatch"),
                                 QStringLiteral("_"), QStringLiteral(":/i18n")));
    }
};

QTEST_MAIN(tst_Translations)
#include "tst_translations.moc"
