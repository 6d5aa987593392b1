// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/catalog/FieldMimeData.h"
#include "core/catalog/TopicSearchIndex.h"
#include "core/catalog/TopicTreeModel.h"
#include "tests/support/ItemModelText.h"
#include "tests/support/SyntheticCatalog.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace sasquatch;
using NodeType = TopicTreeModel::NodeType;

namespace {

QString treeString(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    return itemTreeString(model, parent);
}

QModelIndex find(const QAbstractItemModel &model, const QString &path)
{
    return findItemByNames(model, path);
}

std::vector<FieldInfo> fadFields()
{
    return {{QStringLiteral("zForce1"), FieldType::Float, QStringLiteral("N"), QStringLiteral("Force on z")},
            {QStringLiteral("zForce0"), FieldType::Float, QStringLiteral("N"), QStringLiteral("Force on z")},
            {QStringLiteral("zForce2"), FieldType::Float, QStringLiteral("N"), QStringLiteral("Force on z")},
            {QStringLiteral("private_seqNum"), FieldType::Integer, {}, {}},
            {QStringLiteral("fx"), FieldType::Float, QStringLiteral("N"), QStringLiteral("Total force x")}};
}

const QString kFad = QStringLiteral("lsst.sal.MTM1M3.forceActuatorData");

const QStringList kSearchTopics = {kFad,
                                   QStringLiteral("lsst.sal.MTM1M3.logevent_summaryState"),
                                   QStringLiteral("lsst.sal.ATDome.logevent_summaryState"),
                                   QStringLiteral("lsst.sal.ATDome.ackcmd"),
                                   QStringLiteral("summit.lsst.sal.ATDome.logevent_summaryState"),
                                   QStringLiteral("lsst.dm.metric")};

// The server's answer to every load: no tags, and the fields the model already has (none for
// topics not in setAllFields(); those that came in bulk are asked again for their tag keys).
void answerWithNoFields(TopicTreeModel &model)
{
    QObject::connect(&model, &TopicTreeModel::fieldsRequested, &model,
                     [&model](const QString &topic) { model.setTopicFields(topic, model.fieldsOf(topic)); });
}

int nodeType(const QModelIndex &index)
{
    return index.data(TopicTreeModel::NodeTypeRole).toInt();
}

} // namespace

class tst_TopicTreeModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void grouping_data();
    void grouping();
    void columnsAndRoles();
    void lazyFetch();
    void lazyFetchUnderTester();
    void synchronousAnswer();
    void failureAndRetry();
    void setAllFields();
    void setAllFieldsKeepsKnownTags();
    void bulkTagsNeedNoRequest();
    void bulkWithoutTagsLoadsTagsOnExpand();
    void tagLoadFailureKeepsFields();
    void bulkFieldsDuringPendingLoad();
    void cacheAcrossSetTopics();
    void search_data();
    void search();
    void searchDetails();
    void lazyLoadDuringSearch();
    void refreshDuringSearch();
    void fieldHitWithoutModelFields();
    void setTopicsClearsSearch();
    void indexLookups();
    void fieldDrag();
    void syntheticCatalogUnderTester();
    void schemaDocsReachRows();
};

void tst_TopicTreeModel::grouping_data()
{
    QTest::addColumn<QStringList>("topics");
    QTest::addColumn<QString>("tree");

    QTest::newRow("empty") << QStringList{} << "";
    QTest::newRow("sal") << QStringList{"lsst.sal.MTM1M3.forceActuatorData", "lsst.sal.MTM1M3.ackcmd",
                                        "lsst.sal.ATDome.logevent_summaryState"}
                         << "[lsst[sal[ATDome[logevent_summaryState] MTM1M3[ackcmd forceActuatorData]]]]";
    QTest::newRow("replicas last, grouped by source")
        << QStringList{"summit.lsst.sal.MTM1M3.ackcmd", "lsst.sal.MTM1M3.ackcmd", "base.lsst.sal.ATDome.ackcmd",
                       "summit.lsst.sal.ATDome.ackcmd"}
        << "[lsst[sal[MTM1M3[ackcmd]]] base (replica)[lsst[sal[ATDome[ackcmd]]]] "
           "summit (replica)[lsst[sal[ATDome[ackcmd] MTM1M3[ackcmd]]]]]";
    QTest::newRow("other databases") << QStringList{"lsst.dm.ap_verify.total", "lsst.verify.validate_drp",
                                                    "lsst.sal.Test.scalars"}
                                     << "[lsst[dm[ap_verify[total]] sal[Test[scalars]] verify[validate_drp]]]";
    QTest::newRow("natural order") << QStringList{"lsst.sal.MTM2.x", "lsst.sal.MTM1M3TS.x", "lsst.sal.MTM1M3.x",
                                                  "lsst.sal.ATDome.x10", "lsst.sal.ATDome.x9"}
                                   << "[lsst[sal[ATDome[x9 x10] MTM1M3[x] MTM1M3TS[x] MTM2[x]]]]";
    QTest::newRow("groups before topics") << QStringList{"cpu", "x.y", "mem"} << "[x[y] cpu mem]";
    QTest::newRow("a topic that is also a prefix") << QStringList{"a.b.c", "a.b"} << "[a[b[c] b]]";
    QTest::newRow("duplicates") << QStringList{"a.b", "a.b", "a.b"} << "[a[b]]";
    QTest::newRow("empty segments") << QStringList{"a..b", ".c"} << "[(empty)[c] a[(empty)[b]]]";
    QTest::newRow("empty name") << QStringList{""} << "[(empty)]";
    QTest::newRow("plain group beside replica of the same name")
        << QStringList{"summit.lsst.sal.X.y", "summit.status"} << "[summit[status] summit (replica)[lsst[sal[X[y]]]]]";
    QTest::newRow("odd characters") << QStringList{QStringLiteral("lsst.sal.Été.\"q\""), "a b.c d"}
                                    << QStringLiteral("[a b[c d] lsst[sal[Été[\"q\"]]]]");
}

void tst_TopicTreeModel::grouping()
{
    QFETCH(QStringList, topics);
    QFETCH(QString, tree);
    TopicTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTopics(topics);
    QCOMPARE(treeString(model), tree);
}

void tst_TopicTreeModel::columnsAndRoles()
{
    TopicTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTopics({kFad, "summit.lsst.sal.MTM1M3.ackcmd", "lsst.sal.MTM1M3.logevent_summaryState",
                     "lsst.sal.MTM1M3.command_enable", "lsst.dm.metric"});
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Name"));
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Type"));
    QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("Count"));

    const QModelIndex lsst = find(model, "lsst");
    QCOMPARE(nodeType(lsst), int(NodeType::Group));
    QCOMPARE(lsst.siblingAtColumn(2).data().toInt(), 4);
    QCOMPARE(lsst.data(TopicTreeModel::PathRole).toString(), QStringLiteral("lsst"));
    QVERIFY(!lsst.data(TopicTreeModel::TopicRole).isValid());
    const QModelIndex m1m3 = find(model, "lsst/sal/MTM1M3");
    QCOMPARE(m1m3.siblingAtColumn(2).data().toInt(), 3);
    QCOMPARE(m1m3.data(TopicTreeModel::PathRole).toString(), QStringLiteral("lsst.sal.MTM1M3"));
    QVERIFY(m1m3.data(Qt::ToolTipRole).toString().contains(QLatin1String("3 topics")));

    const QModelIndex replica = find(model, "summit (replica)");
    QCOMPARE(nodeType(replica), int(NodeType::ReplicaGroup));
    QCOMPARE(replica.data(TopicTreeModel::ReplicaSourceRole).toString(), QStringLiteral("summit"));
    QCOMPARE(replica.siblingAtColumn(1).data().toString(), QStringLiteral("replica"));
    const QModelIndex ack = find(model, "summit (replica)/lsst/sal/MTM1M3/ackcmd");
    QCOMPARE(nodeType(ack), int(NodeType::Topic));
    QCOMPARE(ack.data(TopicTreeModel::TopicRole).toString(), QStringLiteral("summit.lsst.sal.MTM1M3.ackcmd"));
    QCOMPARE(ack.data(TopicTreeModel::ReplicaSourceRole).toString(), QStringLiteral("summit"));
    QCOMPARE(ack.data(TopicTreeModel::TopicKindRole).toInt(), int(TopicKind::Ackcmd));
    QCOMPARE(ack.siblingAtColumn(1).data().toString(), QStringLiteral("ackcmd"));
    QVERIFY(ack.data(Qt::ToolTipRole).toString().contains(QLatin1String("Replica of lsst.sal.MTM1M3.ackcmd")));

    QCOMPARE(find(model, "lsst/sal/MTM1M3/logevent_summaryState").siblingAtColumn(1).data().toString(),
             QStringLiteral("event"));
    QCOMPARE(find(model, "lsst/sal/MTM1M3/command_enable").siblingAtColumn(1).data().toString(),
             QStringLiteral("command"));
    QCOMPARE(find(model, "lsst/dm/metric").siblingAtColumn(1).data().toString(), QStringLiteral("other"));
    QVERIFY(!find(model, "lsst/dm/metric").data(TopicTreeModel::CscRole).isValid());

    QModelIndex fad = find(model, "lsst/sal/MTM1M3/forceActuatorData");
    QCOMPARE(fad.data(TopicTreeModel::CscRole).toString(), QStringLiteral("MTM1M3"));
    QCOMPARE(fad.siblingAtColumn(1).data().toString(), QStringLiteral("telemetry"));
    QVERIFY(!fad.siblingAtColumn(2).data().isValid()); // fields not known yet
    QCOMPARE(fad.data(TopicTreeModel::LoadStateRole).toInt(), int(FieldLoadState::Unknown));
    QCOMPARE(fad.siblingAtColumn(2).data(Qt::TextAlignmentRole).toInt(), int(Qt::AlignRight | Qt::AlignVCenter));

    model.setTopicFields(kFad, fadFields(), {"host"});
    fad = find(model, "lsst/sal/MTM1M3/forceActuatorData");
    QCOMPARE(fad.siblingAtColumn(2).data().toInt(), 5);
    if (model.canFetchMore(fad))
        model.fetchMore(fad);
    QCOMPARE(treeString(model, fad), QStringLiteral("[fx zForce[3][zForce0 zForce1 zForce2] private_seqNum host]"));

    const QModelIndex fx = find(model, "lsst/sal/MTM1M3/forceActuatorData/fx");
    QCOMPARE(nodeType(fx), int(NodeType::Field));
    QCOMPARE(fx.data(TopicTreeModel::FieldRole).toString(), QStringLiteral("fx"));
    QCOMPARE(fx.data(TopicTreeModel::TopicRole).toString(), kFad);
    QCOMPARE(fx.data(TopicTreeModel::FieldTypeRole).toInt(), int(FieldType::Float));
    QCOMPARE(fx.data(TopicTreeModel::UnitRole).toString(), QStringLiteral("N"));
    QCOMPARE(fx.data(TopicTreeModel::DescriptionRole).toString(), QStringLiteral("Total force x"));
    QCOMPARE(fx.data(TopicTreeModel::PathRole).toString(), kFad + QStringLiteral(".fx"));
    QCOMPARE(fx.siblingAtColumn(1).data().toString(), QStringLiteral("float"));
    QVERIFY(fx.data(Qt::ToolTipRole).toString().contains(QLatin1String("Unit: N")));
    QVERIFY(model.flags(fx) & Qt::ItemNeverHasChildren);

    const QModelIndex array = find(model, "lsst/sal/MTM1M3/forceActuatorData/zForce[3]");
    QCOMPARE(nodeType(array), int(NodeType::ArrayField));
    QCOMPARE(array.data(TopicTreeModel::FieldRole).toString(), QStringLiteral("zForce"));
    QCOMPARE(array.data(TopicTreeModel::ArrayLengthRole).toInt(), 3);
    QCOMPARE(array.siblingAtColumn(1).data().toString(), QStringLiteral("float[3]"));
    QCOMPARE(array.siblingAtColumn(2).data().toInt(), 3);
    QVERIFY(array.data(Qt::ToolTipRole).toString().contains(QStringLiteral("zForce0 … zForce2")));

    const QModelIndex element = find(model, "lsst/sal/MTM1M3/forceActuatorData/zForce[3]/zForce2");
    QCOMPARE(nodeType(element), int(NodeType::ArrayElement));
    QCOMPARE(element.data(TopicTreeModel::FieldRole).toString(), QStringLiteral("zForce2"));
    QCOMPARE(element.data(TopicTreeModel::ArrayIndexRole).toInt(), 2);
    QCOMPARE(element.data(TopicTreeModel::ArrayLengthRole).toInt(), 3);
    QCOMPARE(element.data(TopicTreeModel::UnitRole).toString(), QStringLiteral("N"));
    QCOMPARE(element.data(TopicTreeModel::PathRole).toString(), kFad + QStringLiteral(".zForce2"));

    const QModelIndex tag = find(model, "lsst/sal/MTM1M3/forceActuatorData/host");
    QCOMPARE(nodeType(tag), int(NodeType::Tag));
    QCOMPARE(tag.data(TopicTreeModel::FieldRole).toString(), QStringLiteral("host"));
    QCOMPARE(tag.siblingAtColumn(1).data().toString(), QStringLiteral("tag"));
    QVERIFY(!tag.data(TopicTreeModel::FieldTypeRole).isValid());

    const auto roles = model.roleNames();
    QCOMPARE(roles.value(TopicTreeModel::NodeTypeRole), QByteArray("nodeType"));
    QCOMPARE(roles.value(TopicTreeModel::MatchPositionsRole), QByteArray("matchPositions"));
    QCOMPARE(roles.value(Qt::DisplayRole), QByteArray("display"));
}

void tst_TopicTreeModel::lazyFetch()
{
    TopicTreeModel model;
    model.setTopics({kFad, "lsst.sal.MTM1M3.ackcmd"});
    QSignalSpy requests(&model, &TopicTreeModel::fieldsRequested);
    const QModelIndex fad = find(model, "lsst/sal/MTM1M3/forceActuatorData");
    QVERIFY(model.hasChildren(fad));
    QCOMPARE(model.rowCount(fad), 0);
    QVERIFY(model.canFetchMore(fad));
    QVERIFY(!model.canFetchMore(QModelIndex()));
    QVERIFY(!model.canFetchMore(fad.parent()));

    model.fetchMore(fad);
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.at(0).at(0).toString(), kFad);
    QCOMPARE(treeString(model, fad), QStringLiteral("[Loading…]"));
    QCOMPARE(nodeType(model.index(0, 0, fad)), int(NodeType::Status));
    QCOMPARE(model.loadState(kFad), FieldLoadState::Loading);
    QCOMPARE(fad.data(TopicTreeModel::LoadStateRole).toInt(), int(FieldLoadState::Loading));
    QVERIFY(!model.canFetchMore(fad));
    model.fetchMore(fad); // ignored while pending
    QCOMPARE(requests.size(), 1);

    model.setTopicFields(kFad, fadFields());
    QCOMPARE(treeString(model, fad), QStringLiteral("[fx zForce[3][zForce0 zForce1 zForce2] private_seqNum]"));
    QCOMPARE(model.loadState(kFad), FieldLoadState::Loaded);
    QCOMPARE(fad.siblingAtColumn(2).data().toInt(), 5);
    QVERIFY(!model.canFetchMore(fad));
    QCOMPARE(requests.size(), 1);
    QCOMPARE(model.fieldsOf(kFad).size(), size_t(5));
    QCOMPARE(model.knownFields().keys(), QStringList{kFad});

    // A refresh replaces the rows of an expanded topic in place.
    model.setTopicFields(kFad, {{QStringLiteral("fy"), FieldType::Float, {}, {}}});
    QCOMPARE(treeString(model, fad), QStringLiteral("[fy]"));
    // A topic without fields has no children once loaded.
    const QModelIndex ack = find(model, "lsst/sal/MTM1M3/ackcmd");
    model.setTopicFields(QStringLiteral("lsst.sal.MTM1M3.ackcmd"), {});
    QVERIFY(!model.hasChildren(ack));
    QVERIFY(!model.canFetchMore(ack));
    model.setTopicFields(QStringLiteral("no.such.topic"), fadFields()); // ignored
    QCOMPARE(requests.size(), 1);
}

void tst_TopicTreeModel::lazyFetchUnderTester()
{
    // The tester walks the whole tree after every change and fetches every topic it meets: each
    // must be requested exactly once, and answers arriving between walks must keep it consistent.
    TopicTreeModel model;
    QSignalSpy requests(&model, &TopicTreeModel::fieldsRequested);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTopics(kSearchTopics);
    QCOMPARE(requests.size(), 0); // nothing fetched from inside the reset
    model.fetchMore(find(model, "lsst/sal/MTM1M3/forceActuatorData"));
    QCOMPARE(requests.size(), kSearchTopics.size()); // the tester's walk fetched the others
    QStringList requested;
    for (const auto &args : requests)
        requested << args.at(0).toString();
    requested.sort();
    QStringList expected = kSearchTopics;
    expected.sort();
    QCOMPARE(requested, expected);
    for (const QString &t : kSearchTopics)
        QCOMPARE(model.loadState(t), FieldLoadState::Loading);

    model.setTopicFields(kFad, fadFields(), {"host"});
    model.setTopicFieldsFailed(QStringLiteral("lsst.sal.ATDome.ackcmd"), QStringLiteral("timeout"));
    model.setTopicFields(QStringLiteral("lsst.dm.metric"), {});
    QCOMPARE(treeString(model, find(model, "lsst/sal/ATDome/ackcmd")),
             QStringLiteral("[Could not load fields: timeout]"));
    QCOMPARE(treeString(model, find(model, "lsst/dm/metric")), QString());
    QCOMPARE(requests.size(), kSearchTopics.size());
}

void tst_TopicTreeModel::synchronousAnswer()
{
    TopicTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    connect(&model, &TopicTreeModel::fieldsRequested, &model, [&model](const QString &topic) {
        if (topic == kFad)
            model.setTopicFields(topic, fadFields());
        else
            model.setTopicFieldsFailed(topic, QStringLiteral("no fields for %1").arg(topic));
    });
    model.setTopics({kFad, "lsst.sal.MTM1M3.ackcmd"});
    const QModelIndex fad = find(model, "lsst/sal/MTM1M3/forceActuatorData");
    model.fetchMore(fad);
    QCOMPARE(treeString(model, fad), QStringLiteral("[fx zForce[3][zForce0 zForce1 zForce2] private_seqNum]"));
    QCOMPARE(treeString(model, find(model, "lsst/sal/MTM1M3/ackcmd")),
             QStringLiteral("[Could not load fields: no fields for lsst.sal.MTM1M3.ackcmd]"));
}

void tst_TopicTreeModel::failureAndRetry()
{
    TopicTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTopics({kFad});
    QSignalSpy requests(&model, &TopicTreeModel::fieldsRequested);
    const QModelIndex fad = find(model, "lsst/sal/MTM1M3/forceActuatorData");
    model.fetchMore(fad);
    QCOMPARE(requests.size(), 1);

    model.setTopicFieldsFailed(kFad, QStringLiteral("HTTP 500: boom"));
    QCOMPARE(treeString(model, fad), QStringLiteral("[Could not load fields: HTTP 500: boom]"));
    const QModelIndex status = model.index(0, 0, fad);
    QCOMPARE(nodeType(status), int(NodeType::Status));
    QVERIFY(!(model.flags(status) & Qt::ItemIsSelectable));
    QCOMPARE(status.data(Qt::ToolTipRole).toString(), QStringLiteral("Could not load fields: HTTP 500: boom"));
    QCOMPARE(model.loadState(kFad), FieldLoadState::Failed);
    QVERIFY(fad.data(Qt::ToolTipRole).toString().contains(QLatin1String("HTTP 500: boom")));

    // Views must not retry on their own (they fetch on every relayout); an explicit fetch does.
    QVERIFY(!model.canFetchMore(fad));
    QVERIFY(model.hasChildren(fad));
    model.fetchMore(fad);
    QCOMPARE(requests.size(), 2);
    QCOMPARE(treeString(model, fad), QStringLiteral("[Loading…]"));
    model.retryFields(kFad); // not failed: nothing to retry
    QCOMPARE(requests.size(), 2);
    model.setTopicFieldsFailed(kFad, QStringLiteral("again"));
    model.retryFields(kFad);
    QCOMPARE(requests.size(), 3);
    QCOMPARE(treeString(model, fad), QStringLiteral("[Loading…]"));
    model.setTopicFields(kFad, fadFields());
    QCOMPARE(model.rowCount(fad), 3);

    // A late failure does not undo loaded fields; an empty message still says something.
    model.setTopicFieldsFailed(kFad, QStringLiteral("stale"));
    QCOMPARE(model.loadState(kFad), FieldLoadState::Loaded);
    QCOMPARE(model.rowCount(fad), 3);
    model.setTopics({kFad, "lsst.sal.X.y"});
    model.setTopicFieldsFailed(QStringLiteral("lsst.sal.X.y"), QString());
    QCOMPARE(treeString(model, find(model, "lsst/sal/X/y")), QStringLiteral("[Could not load fields: unknown error]"));
}

void tst_TopicTreeModel::setAllFields()
{
    TopicTreeModel model;
    QSignalSpy requests(&model, &TopicTreeModel::fieldsRequested);
    model.setTopics({kFad, "lsst.sal.MTM1M3.ackcmd", "lsst.sal.ATDome.ackcmd"});
    model.fetchMore(find(model, "lsst/sal/ATDome/ackcmd")); // one load under way
    QCOMPARE(requests.size(), 1);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    requests.clear();
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);

    QHash<QString, std::vector<FieldInfo>> all;
    all.insert(kFad, fadFields());
    all.insert(QStringLiteral("lsst.sal.ATDome.ackcmd"), {{QStringLiteral("cmdtype"), FieldType::Integer, {}, {}}});
    all.insert(QStringLiteral("not.listed"), fadFields());
    QHash<QString, QStringList> tags;
    tags.insert(kFad, {"host"});
    model.setAllFields(all, tags);

    QVERIFY(!changes.isEmpty());
    QCOMPARE(model.loadState(kFad), FieldLoadState::Loaded);
    QCOMPARE(model.loadState(QStringLiteral("lsst.sal.ATDome.ackcmd")), FieldLoadState::Loaded);
    // The pending load's Loading… row was replaced at once.
    QCOMPARE(treeString(model, find(model, "lsst/sal/ATDome/ackcmd")), QStringLiteral("[cmdtype]"));
    QCOMPARE(find(model, "lsst/sal/MTM1M3/forceActuatorData").siblingAtColumn(2).data().toInt(), 5);
    const QModelIndex fad = find(model, "lsst/sal/MTM1M3/forceActuatorData");
    if (model.canFetchMore(fad))
        model.fetchMore(fad);
    QCOMPARE(treeString(model, fad), QStringLiteral("[fx zForce[3][zForce0 zForce1 zForce2] private_seqNum host]"));
    for (const auto &args : requests) // only the topic without fields was ever requested
        QCOMPARE(args.at(0).toString(), QStringLiteral("lsst.sal.MTM1M3.ackcmd"));
    QCOMPARE(model.knownFields().size(), 2);
}

// The camera topics of lsst.MTCamera carry tags (Telegraf's avro_tags); SHOW FIELD KEYS, which
// feeds setAllFields(), never lists them.
const QString kReb = QStringLiteral("lsst.MTCamera.focal_plane_Reb");

std::vector<FieldInfo> rebFields()
{
    return {{QStringLiteral("temp0"), FieldType::Float, {}, {}},
            {QStringLiteral("temp1"), FieldType::Float, {}, {}},
            {QStringLiteral("private_seqNum"), FieldType::Integer, {}, {}}};
}

void tst_TopicTreeModel::setAllFieldsKeepsKnownTags()
{
    TopicTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString other = QStringLiteral("lsst.MTCamera.focal_plane_Ccd");
    model.setTopics({kReb, other});
    // Both topics loaded on their own (with tags); one of them is expanded.
    model.setTopicFields(kReb, rebFields(), {"Raft", "Reb"});
    model.setTopicFields(other, rebFields(), {"Sensor"});
    const QModelIndex reb = find(model, "lsst/MTCamera/focal_plane_Reb");
    model.fetchMore(reb);
    QCOMPARE(treeString(model, reb), QStringLiteral("[temp[2][temp0 temp1] private_seqNum Raft Reb]"));
    const QPersistentModelIndex array = model.index(0, 0, reb);

    QSignalSpy requests(&model, &TopicTreeModel::fieldsRequested);
    model.setAllFields({{kReb, rebFields()}, {other, rebFields()}}); // no tag information
    QCOMPARE(treeString(model, reb), QStringLiteral("[temp[2][temp0 temp1] private_seqNum Raft Reb]"));
    QVERIFY(array.isValid()); // rows of unchanged fields were not rebuilt
    const QModelIndex ccd = find(model, "lsst/MTCamera/focal_plane_Ccd");
    if (model.canFetchMore(ccd)) // the tester may have expanded it already
        model.fetchMore(ccd);
    QCOMPARE(treeString(model, ccd), QStringLiteral("[temp[2][temp0 temp1] private_seqNum Sensor]"));
    QVERIFY(!model.canFetchMore(reb));
    QVERIFY(!model.canFetchMore(ccd));
    QCOMPARE(requests.size(), 0);

    // New fields without tag information: the rows are rebuilt, the tags stay.
    std::vector<FieldInfo> more = rebFields();
    more.push_back({QStringLiteral("voltage"), FieldType::Float, {}, {}});
    model.setAllFields({{kReb, more}});
    QCOMPARE(treeString(model, reb), QStringLiteral("[temp[2][temp0 temp1] voltage private_seqNum Raft Reb]"));
    // Bulk tags, when they come, replace them.
    model.setAllFields({{kReb, more}}, {{kReb, {"Raft", "Reb", "Sensor"}}});
    QCOMPARE(treeString(model, reb), QStringLiteral("[temp[2][temp0 temp1] voltage private_seqNum Raft Reb Sensor]"));
    QCOMPARE(requests.size(), 0);
}

void tst_TopicTreeModel::bulkTagsNeedNoRequest()
{
    TopicTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTopics({kReb, kFad});
    QSignalSpy requests(&model, &TopicTreeModel::fieldsRequested);
    // The bulk tag answer lists only measurements with tags; the others are known to have none.
    model.setAllFields({{kReb, rebFields()}, {kFad, fadFields()}}, {{kReb, {"Raft", "Reb"}}, {kFad, {}}});
    const QModelIndex reb = find(model, "lsst/MTCamera/focal_plane_Reb");
    const QModelIndex fad = find(model, "lsst/sal/MTM1M3/forceActuatorData");
    model.fetchMore(reb);
    model.fetchMore(fad);
    QCOMPARE(treeString(model, reb), QStringLiteral("[temp[2][temp0 temp1] private_seqNum Raft Reb]"));
    QCOMPARE(treeString(model, fad), QStringLiteral("[fx zForce[3][zForce0 zForce1 zForce2] private_seqNum]"));
    QCOMPARE(nodeType(model.index(3, 0, reb)), int(NodeType::Tag));
    QCOMPARE(model.index(3, 0, reb).data(TopicTreeModel::FieldRole).toString(), QStringLiteral("Reb"));
    QVERIFY(!model.canFetchMore(reb));
    QVERIFY(!model.canFetchMore(fad));
    QCOMPARE(requests.size(), 0);
}

void tst_TopicTreeModel::bulkWithoutTagsLoadsTagsOnExpand()
{
    TopicTreeModel model;
    // No tester yet: it would expand the topic before the test looks at it collapsed.
    model.setTopics({kReb});
    model.setAllFields({{kReb, rebFields()}});
    QCOMPARE(model.loadState(kReb), FieldLoadState::Loaded);
    QSignalSpy requests(&model, &TopicTreeModel::fieldsRequested);
    const QModelIndex reb = find(model, "lsst/MTCamera/focal_plane_Reb");
    QVERIFY(model.hasChildren(reb));
    QVERIFY(model.canFetchMore(reb));
    QVERIFY(reb.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Tag keys not loaded yet")));
    model.fetchMore(reb);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // The fields show at once; the tag keys are asked for, once.
    QCOMPARE(treeString(model, reb), QStringLiteral("[temp[2][temp0 temp1] private_seqNum]"));
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.at(0).at(0).toString(), kReb);
    QCOMPARE(model.loadState(kReb), FieldLoadState::Loaded);
    QVERIFY(!model.canFetchMore(reb));
    model.fetchMore(reb);
    QCOMPARE(requests.size(), 1);
    QCOMPARE(model.knownFields().value(kReb).size(), size_t(3)); // still searchable meanwhile

    const QPersistentModelIndex array = model.index(0, 0, reb);
    model.setTopicFields(kReb, rebFields(), {"Raft", "Reb"});
    QCOMPARE(treeString(model, reb), QStringLiteral("[temp[2][temp0 temp1] private_seqNum Raft Reb]"));
    QVERIFY(array.isValid());
    QVERIFY(!reb.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Tag keys")));
    QVERIFY(reb.data(Qt::ToolTipRole).toString().contains(QStringLiteral("tags: Raft, Reb")));

    // Listing the topics again keeps what is known: no new request.
    model.setTopics({kReb});
    const QModelIndex again = find(model, "lsst/MTCamera/focal_plane_Reb");
    model.fetchMore(again);
    QCOMPARE(treeString(model, again), QStringLiteral("[temp[2][temp0 temp1] private_seqNum Raft Reb]"));
    QCOMPARE(requests.size(), 1);
}

void tst_TopicTreeModel::tagLoadFailureKeepsFields()
{
    TopicTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTopics({kReb});
    QSignalSpy requests(&model, &TopicTreeModel::fieldsRequested);
    model.setAllFields({{kReb, rebFields()}});
    const QModelIndex reb = find(model, "lsst/MTCamera/focal_plane_Reb");
    if (model.canFetchMore(reb)) // the tester may have expanded it already
        model.fetchMore(reb);
    QCOMPARE(requests.size(), 1);
    model.setTopicFieldsFailed(kReb, QStringLiteral("timeout"));
    QCOMPARE(model.loadState(kReb), FieldLoadState::Loaded);
    QCOMPARE(treeString(model, reb), QStringLiteral("[temp[2][temp0 temp1] private_seqNum]"));
    QVERIFY(reb.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Could not load tag keys: timeout")));
    QVERIFY(!model.canFetchMore(reb)); // views relayout often: no retry on their own
    QCOMPARE(requests.size(), 1);
    model.retryFields(kReb);
    QCOMPARE(requests.size(), 2);
    model.setTopicFieldsFailed(kReb, {});
    model.fetchMore(reb); // an explicit fetch (expanding again) retries too
    QCOMPARE(requests.size(), 3);
    model.setTopicFields(kReb, rebFields(), {"Raft"});
    QCOMPARE(treeString(model, reb), QStringLiteral("[temp[2][temp0 temp1] private_seqNum Raft]"));

    // A pending tag load does not survive setTopics() (its answer could be dropped): asked again.
    TopicTreeModel fresh;
    QSignalSpy freshRequests(&fresh, &TopicTreeModel::fieldsRequested);
    fresh.setTopics({kReb});
    fresh.setAllFields({{kReb, rebFields()}});
    fresh.fetchMore(find(fresh, "lsst/MTCamera/focal_plane_Reb"));
    QCOMPARE(freshRequests.size(), 1);
    fresh.setTopics({kFad, kReb});
    const QModelIndex again = find(fresh, "lsst/MTCamera/focal_plane_Reb");
    QVERIFY(fresh.canFetchMore(again));
    fresh.fetchMore(again);
    QCOMPARE(freshRequests.size(), 2);
    QCOMPARE(fresh.rowCount(again), 2);
}

void tst_TopicTreeModel::bulkFieldsDuringPendingLoad()
{
    TopicTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTopics({kReb});
    QSignalSpy requests(&model, &TopicTreeModel::fieldsRequested);
    const QModelIndex reb = find(model, "lsst/MTCamera/focal_plane_Reb");
    model.fetchMore(reb);
    QCOMPARE(treeString(model, reb), QStringLiteral("[Loading…]"));
    QCOMPARE(requests.size(), 1);
    // The bulk answer overtakes the topic's own load: its fields show, the pending load brings the tags.
    model.setAllFields({{kReb, rebFields()}});
    QCOMPARE(treeString(model, reb), QStringLiteral("[temp[2][temp0 temp1] private_seqNum]"));
    QVERIFY(!model.canFetchMore(reb));
    QCOMPARE(requests.size(), 1);
    model.setTopicFields(kReb, rebFields(), {"Raft", "Reb"});
    QCOMPARE(treeString(model, reb), QStringLiteral("[temp[2][temp0 temp1] private_seqNum Raft Reb]"));
    QCOMPARE(requests.size(), 1);
}

void tst_TopicTreeModel::cacheAcrossSetTopics()
{
    TopicTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTopics({kFad});
    model.setTopicFields(kFad, fadFields());
    model.setTopics({"lsst.sal.MTM1M3.ackcmd", kFad, kFad});
    QCOMPARE(model.topics(), (QStringList{"lsst.sal.MTM1M3.ackcmd", kFad}));
    QCOMPARE(model.topicCount(), 2);
    QCOMPARE(model.loadState(kFad), FieldLoadState::Loaded);
    QSignalSpy requests(&model, &TopicTreeModel::fieldsRequested);
    const QModelIndex fad = find(model, "lsst/sal/MTM1M3/forceActuatorData");
    QCOMPARE(fad.siblingAtColumn(2).data().toInt(), 5);
    model.fetchMore(fad);
    QCOMPARE(model.rowCount(fad), 3);
    for (const auto &args : requests)
        QVERIFY(args.at(0).toString() != kFad);

    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.topicCount(), 0);
    model.setTopics({kFad});
    QCOMPARE(model.loadState(kFad), FieldLoadState::Unknown);
}

void tst_TopicTreeModel::search_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("tree");
    QTest::newRow("summarystate") << "summarystate"
                                  << "[lsst[sal[ATDome[logevent_summaryState] MTM1M3[logevent_summaryState]]] "
                                     "summit (replica)[lsst[sal[ATDome[logevent_summaryState]]]]]";
    QTest::newRow("zforce: the array with all its elements")
        << "zforce" << "[lsst[sal[MTM1M3[forceActuatorData[zForce[3][zForce0 zForce1 zForce2]]]]]]";
    QTest::newRow("zforce1: only that element") << "zforce1" << "[lsst[sal[MTM1M3[forceActuatorData[zForce[3][zForce1]]]]]]";
    QTest::newRow("m1m3 fad: the topic with all its fields")
        << "m1m3 fad" << "[lsst[sal[MTM1M3[forceActuatorData[fx zForce[3][zForce0 zForce1 zForce2] private_seqNum]]]]]";
    QTest::newRow("private field") << "seqnum" << "[lsst[sal[MTM1M3[forceActuatorData[private_seqNum]]]]]";
    QTest::newRow("siblings by score") << "atdome"
                                       << "[lsst[sal[ATDome[ackcmd logevent_summaryState]]] "
                                          "summit (replica)[lsst[sal[ATDome[logevent_summaryState]]]]]";
    QTest::newRow("other databases") << "dm metric" << "[lsst[dm[metric]]]";
    QTest::newRow("nothing") << "qqqq" << "";
}

void tst_TopicTreeModel::search()
{
    QFETCH(QString, query);
    QFETCH(QString, tree);
    TopicTreeModel model;
    // The tester fetches every topic it walks over; topics other than forceActuatorData have none.
    answerWithNoFields(model);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTopics(kSearchTopics);
    model.setAllFields({{kFad, fadFields()}});
    const QString full = treeString(model);
    QCOMPARE(full, QStringLiteral("[lsst[dm[metric] sal[ATDome[ackcmd logevent_summaryState] "
                                  "MTM1M3[forceActuatorData[fx zForce[3][zForce0 zForce1 zForce2] private_seqNum] "
                                  "logevent_summaryState]]] summit (replica)[lsst[sal[ATDome[logevent_summaryState]]]]]"));
    const TopicSearchIndex index = model.buildSearchIndex();
    model.applySearch(index.search(query));
    QVERIFY(model.isSearchApplied());
    QCOMPARE(model.searchQuery(), query);
    QCOMPARE(treeString(model), tree);
    model.clearSearch();
    QVERIFY(!model.isSearchApplied());
    QCOMPARE(treeString(model), full);
}

void tst_TopicTreeModel::searchDetails()
{
    TopicTreeModel model;
    model.setTopics(kSearchTopics);
    model.setAllFields({{kFad, fadFields()}});
    const TopicSearchIndex index = model.buildSearchIndex();
    // No tester before the search: it would fetch every topic; here the lazy topic row matters.
    model.applySearch(index.search(QStringLiteral("m1m3 fad")));
    QVERIFY(model.canFetchMore(find(model, "lsst/sal/MTM1M3/forceActuatorData")));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex m1m3 = find(model, "lsst/sal/MTM1M3");
    QCOMPARE(m1m3.data(TopicTreeModel::MatchPositionsRole).value<QList<int>>(), (QList<int>{0, 3, 4, 5}));
    const QModelIndex fad = find(model, "lsst/sal/MTM1M3/forceActuatorData");
    QCOMPARE(fad.data(TopicTreeModel::MatchPositionsRole).value<QList<int>>(), (QList<int>{0, 5, 13}));
    QVERIFY(!find(model, "lsst").data(TopicTreeModel::MatchPositionsRole).isValid());
    QVERIFY(fad.data(TopicTreeModel::SearchScoreRole).toInt() > 0);
    QCOMPARE(find(model, "lsst").siblingAtColumn(2).data().toInt(), 1); // matching topics beneath
    // The matched topic keeps all its fields, fetched lazily as usual (here by the tester's walk).
    QCOMPARE(model.rowCount(fad), 3);

    model.applySearch(index.search(QStringLiteral("zforce")));
    const QModelIndex array = find(model, "lsst/sal/MTM1M3/forceActuatorData/zForce[3]");
    QCOMPARE(array.data(TopicTreeModel::MatchPositionsRole).value<QList<int>>(), (QList<int>{0, 1, 2, 3, 4, 5}));
    QVERIFY(!find(model, "lsst/sal/MTM1M3/forceActuatorData").data(TopicTreeModel::MatchPositionsRole).isValid());
    QVERIFY(!model.canFetchMore(find(model, "lsst/sal/MTM1M3/forceActuatorData")));

    model.applySearch(index.search(QStringLiteral("zforce2")));
    const QModelIndex element = find(model, "lsst/sal/MTM1M3/forceActuatorData/zForce[3]/zForce2");
    QCOMPARE(element.data(TopicTreeModel::MatchPositionsRole).value<QList<int>>(), (QList<int>{0, 1, 2, 3, 4, 5, 6}));
    QCOMPARE(element.data(TopicTreeModel::FieldRole).toString(), QStringLiteral("zForce2"));

    // A blank query clears the search.
    model.applySearch(index.search(QStringLiteral("   ")));
    QVERIFY(!model.isSearchApplied());
    QVERIFY(!find(model, "lsst/sal/MTM1M3").data(TopicTreeModel::MatchPositionsRole).isValid());
    QCOMPARE(find(model, "lsst").siblingAtColumn(2).data().toInt(), 5);
}

void tst_TopicTreeModel::lazyLoadDuringSearch()
{
    TopicTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy requests(&model, &TopicTreeModel::fieldsRequested);
    model.setTopics(kSearchTopics);
    model.applySearch(model.buildSearchIndex().search(QStringLiteral("atdome summarystate")));
    QCOMPARE(treeString(model), QStringLiteral("[lsst[sal[ATDome[logevent_summaryState]]] "
                                               "summit (replica)[lsst[sal[ATDome[logevent_summaryState]]]]]"));
    const QModelIndex topic = find(model, "lsst/sal/ATDome/logevent_summaryState");
    QVERIFY(model.canFetchMore(topic));
    model.fetchMore(topic);
    QVERIFY(!requests.isEmpty());
    QCOMPARE(treeString(model, topic), QStringLiteral("[Loading…]"));
    model.setTopicFields(QStringLiteral("lsst.sal.ATDome.logevent_summaryState"),
                         {{QStringLiteral("summaryState"), FieldType::Integer, {}, {}}});
    QCOMPARE(treeString(model, topic), QStringLiteral("[summaryState]"));
    // Answers for topics that the search hides change nothing visible.
    model.setTopicFields(kFad, fadFields());
    model.setTopicFieldsFailed(QStringLiteral("lsst.sal.ATDome.ackcmd"), QStringLiteral("gone"));
    QCOMPARE(model.rowCount(find(model, "lsst/sal/ATDome")), 1);
    model.clearSearch();
    QCOMPARE(treeString(model, find(model, "lsst/sal/ATDome/logevent_summaryState")), QStringLiteral("[summaryState]"));
    QCOMPARE(treeString(model, find(model, "lsst/sal/ATDome/ackcmd")), QStringLiteral("[Could not load fields: gone]"));
}

void tst_TopicTreeModel::refreshDuringSearch()
{
    TopicTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTopics(kSearchTopics);
    model.setAllFields({{kFad, fadFields()}});
    model.applySearch(model.buildSearchIndex().search(QStringLiteral("zforce")));
    const QModelIndex fad = find(model, "lsst/sal/MTM1M3/forceActuatorData");
    QCOMPARE(treeString(model, fad), QStringLiteral("[zForce[3][zForce0 zForce1 zForce2]]"));
    // New fields for a topic shown through some of its fields: it now shows them all.
    std::vector<FieldInfo> fields = fadFields();
    fields.push_back({QStringLiteral("zForce3"), FieldType::Float, {}, {}});
    model.setTopicFields(kFad, fields);
    QCOMPARE(treeString(model, fad), QStringLiteral("[fx zForce[4][zForce0 zForce1 zForce2 zForce3] private_seqNum]"));
    model.clearSearch();
    QCOMPARE(model.rowCount(find(model, "lsst/sal/MTM1M3/forceActuatorData")), 3);
}

void tst_TopicTreeModel::fieldHitWithoutModelFields()
{
    // The index knows fields that the model has not loaded: the topic stands in for them.
    const TopicSearchIndex index({kFad}, {{kFad, fadFields()}});
    TopicTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTopics(kSearchTopics);
    SearchResult result = index.search(QStringLiteral("zforce"));
    SearchHit stranger;
    stranger.topic = QStringLiteral("not.in.model");
    result.hits.push_back(stranger);
    model.applySearch(result);
    QCOMPARE(treeString(model), QStringLiteral("[lsst[sal[MTM1M3[forceActuatorData]]]]"));
    QVERIFY(model.canFetchMore(find(model, "lsst/sal/MTM1M3/forceActuatorData")));
}

void tst_TopicTreeModel::setTopicsClearsSearch()
{
    TopicTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTopics(kSearchTopics);
    model.applySearch(model.buildSearchIndex().search(QStringLiteral("ackcmd")));
    QCOMPARE(treeString(model), QStringLiteral("[lsst[sal[ATDome[ackcmd]]]]"));
    model.setTopics(kSearchTopics);
    QVERIFY(!model.isSearchApplied());
    QCOMPARE(model.rowCount(), 2);
    model.applySearch(model.buildSearchIndex().search(QStringLiteral("ackcmd")));
    model.clear();
    QVERIFY(!model.isSearchApplied());
    QCOMPARE(model.rowCount(), 0);
}

void tst_TopicTreeModel::indexLookups()
{
    TopicTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTopics(kSearchTopics);
    model.setAllFields({{kFad, fadFields()}});
    const QModelIndex topic = model.indexOfTopic(kFad);
    QCOMPARE(topic, find(model, "lsst/sal/MTM1M3/forceActuatorData"));
    QCOMPARE(model.indexOfField(kFad, QStringLiteral("fx")).data().toString(), QStringLiteral("fx"));
    QCOMPARE(model.indexOfField(kFad, QStringLiteral("zForce")).data().toString(), QStringLiteral("zForce[3]"));
    QCOMPARE(model.indexOfField(kFad, QStringLiteral("zForce1")).data().toString(), QStringLiteral("zForce1"));
    QVERIFY(!model.indexOfField(kFad, QStringLiteral("nope")).isValid());
    QVERIFY(!model.indexOfTopic(QStringLiteral("nope")).isValid());
    model.applySearch(model.buildSearchIndex().search(QStringLiteral("ackcmd")));
    QVERIFY(!model.indexOfTopic(kFad).isValid()); // filtered out
    QVERIFY(model.indexOfTopic(QStringLiteral("lsst.sal.ATDome.ackcmd")).isValid());
}

void tst_TopicTreeModel::fieldDrag()
{
    TopicTreeModel model;
    model.setBucket(QStringLiteral("efd/autogen"));
    model.setTopics(kSearchTopics);
    model.setAllFields({{kFad, fadFields()}});
    const QModelIndex fx = model.indexOfField(kFad, QStringLiteral("fx"));
    const QModelIndex element = model.indexOfField(kFad, QStringLiteral("zForce1"));
    const QModelIndex array = model.indexOfField(kFad, QStringLiteral("zForce"));
    QVERIFY(model.flags(fx) & Qt::ItemIsDragEnabled);
    QVERIFY(model.flags(element) & Qt::ItemIsDragEnabled);
    QVERIFY(!(model.flags(array) & Qt::ItemIsDragEnabled));
    QVERIFY(!(model.flags(model.indexOfTopic(kFad)) & Qt::ItemIsDragEnabled));
    QCOMPARE(model.mimeTypes(), QStringList{QString::fromLatin1(FieldMimeData::kMimeType)});
    // Topics and other columns are left out; the fields keep their order.
    std::unique_ptr<QMimeData> data(model.mimeData({fx, fx.siblingAtColumn(1), model.indexOfTopic(kFad), element}));
    QVERIFY(data);
    const std::vector<DraggedField> fields = FieldMimeData::fromMimeData(data.get());
    QCOMPARE(fields.size(), std::size_t(2));
    QCOMPARE(fields[0], (DraggedField{QStringLiteral("efd/autogen"), kFad, QStringLiteral("fx"), QStringLiteral("N")}));
    QCOMPARE(fields[1].field, QStringLiteral("zForce1"));
    QCOMPARE(data->text(), kFad + QStringLiteral(".fx\n") + kFad + QStringLiteral(".zForce1"));
    QVERIFY(!model.mimeData({model.indexOfTopic(kFad)}));
    QVERIFY(FieldMimeData::decode("not json").empty());
    QVERIFY(FieldMimeData::decode("[{\"measurement\":\"m\"}]").empty());
}

void tst_TopicTreeModel::syntheticCatalogUnderTester()
{
    const SyntheticCatalog catalog = SyntheticCatalog::generate(120, 20, 3);
    TopicTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    int answered = 0;
    connect(&model, &TopicTreeModel::fieldsRequested, &model, [&](const QString &topic) {
        // Answer every other request, fail the rest.
        if (++answered % 2)
            model.setTopicFields(topic, catalog.fields.value(topic));
        else
            model.setTopicFieldsFailed(topic, QStringLiteral("synthetic failure"));
    });
    model.setTopics(catalog.topics);
    model.fetchMore(model.indexOfTopic(catalog.topics.front())); // the tester's walk fetches everything
    QCOMPARE(answered, int(catalog.topics.size()));
    const TopicSearchIndex index(catalog.topics, catalog.fields);
    for (const char *q : {"m1m3 fad", "zforce", "summarystate", "a", "private", "force 1"}) {
        const SearchResult r = index.search(QString::fromLatin1(q));
        model.applySearch(r);
        QCOMPARE(model.rowCount() > 0, !r.hits.empty());
    }
    model.setAllFields(catalog.fields);
    model.clearSearch();
    model.setTopics(catalog.topics.mid(0, 60));
    QCOMPARE(model.topicCount(), 60);
}

void tst_TopicTreeModel::schemaDocsReachRows()
{
    // InfluxDB knows names and types only; the schema's units and descriptions come later
    // (or earlier) and must show on the rows already there, without rebuilding them.
    TopicTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString summary = QStringLiteral("lsst.sal.MTM1M3.logevent_summaryState");
    model.setTopics({kFad, summary});
    std::vector<FieldInfo> bare = fadFields();
    for (FieldInfo &f : bare)
        f.unit = f.description = QString();
    model.setTopicFields(kFad, bare);
    QModelIndex fad = find(model, "lsst/sal/MTM1M3/forceActuatorData");
    if (model.canFetchMore(fad))
        model.fetchMore(fad);
    const QModelIndex array = find(model, "lsst/sal/MTM1M3/forceActuatorData/zForce[3]");
    if (model.canFetchMore(array))
        model.fetchMore(array);
    const QPersistentModelIndex fx = find(model, "lsst/sal/MTM1M3/forceActuatorData/fx");
    const QPersistentModelIndex z2 = find(model, "lsst/sal/MTM1M3/forceActuatorData/zForce[3]/zForce2");
    QVERIFY(fx.isValid() && z2.isValid());
    QCOMPARE(fx.data(TopicTreeModel::UnitRole).toString(), QString());

    FieldDocs docs;
    docs.addScalar(QStringLiteral("fx"), {QStringLiteral("N"), QStringLiteral("Total force x")});
    docs.addArray(QStringLiteral("zForce"), {QStringLiteral("N"), QStringLiteral("Z forces")});
    docs.addScalar(QStringLiteral("private_seqNum"), {QStringLiteral("unitless"), QStringLiteral("Sequence number")});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.setFieldDocs(kFad, docs);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(removed.size(), 0); // rows updated in place: expansion and selection survive
    QVERIFY(fx.isValid() && z2.isValid());
    QCOMPARE(fx.data(TopicTreeModel::UnitRole).toString(), QStringLiteral("N"));
    QCOMPARE(fx.data(TopicTreeModel::DescriptionRole).toString(), QStringLiteral("Total force x"));
    QCOMPARE(z2.data(TopicTreeModel::UnitRole).toString(), QStringLiteral("N"));
    QCOMPARE(array.data(TopicTreeModel::UnitRole).toString(), QStringLiteral("N"));
    QVERIFY(array.data(Qt::ToolTipRole).toString().contains(QLatin1String("Z forces")));
    const QModelIndex seq = find(model, "lsst/sal/MTM1M3/forceActuatorData/private_seqNum");
    QCOMPARE(seq.data(TopicTreeModel::UnitRole).toString(), QString()); // "unitless" shows as none
    QCOMPARE(seq.data(TopicTreeModel::DescriptionRole).toString(), QStringLiteral("Sequence number"));
    for (const FieldInfo &f : model.fieldsOf(kFad))
        if (f.name.startsWith(QLatin1String("zForce")))
            QCOMPARE(f.unit, QStringLiteral("N"));
    // The same docs again change nothing.
    changed.clear();
    model.setFieldDocs(kFad, docs);
    QCOMPARE(changed.size(), 0);

    // Docs first, fields later: applied when the fields arrive.
    FieldDocs summaryDocs;
    summaryDocs.addScalar(QStringLiteral("summaryState"), {QStringLiteral("unitless"), QStringLiteral("Summary state")});
    model.setFieldDocs(summary, summaryDocs);
    model.setTopicFields(summary, {{QStringLiteral("summaryState"), FieldType::Integer, {}, {}}});
    QCOMPARE(model.fieldsOf(summary).front().description, QStringLiteral("Summary state"));
    // A new server forgets them.
    model.clear();
    model.setTopics({summary});
    model.setTopicFields(summary, {{QStringLiteral("summaryState"), FieldType::Integer, {}, {}}});
    QCOMPARE(model.fieldsOf(summary).front().description, QString());
}

QTEST_GUILESS_MAIN(tst_TopicTreeModel)
#include "tst_topictreemodel.moc"
