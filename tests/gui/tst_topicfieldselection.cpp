// SPDX-License-Identifier: GPL-3.0-or-later
// Topic-tree rows to a query selection: fields, arrays, elements, whole topics, tags, other topics.
#include "core/catalog/TopicTreeModel.h"
#include "gui/query/TopicFieldSelection.h"

#include <QTest>

using namespace sasquatch;

namespace {

const QString kFad = QStringLiteral("lsst.sal.MTM1M3.forceActuatorData");
const QString kDome = QStringLiteral("lsst.sal.ATDome.position");

std::vector<FieldInfo> fadFields()
{
    std::vector<FieldInfo> f{{QStringLiteral("fx"), FieldType::Float, QStringLiteral("N"), {}},
                             {QStringLiteral("fy"), FieldType::Float, QStringLiteral("N"), {}},
                             {QStringLiteral("private_origin"), FieldType::Integer, {}, {}}};
    for (int i = 0; i < 4; ++i)
        f.push_back({QStringLiteral("zForce%1").arg(i), FieldType::Float, QStringLiteral("N"), {}});
    return f;
}

QString names(const TopicFieldSelection &s)
{
    QStringList out;
    for (const FieldInfo &f : s.fields)
        out << f.name;
    return out.join(u',');
}

} // namespace

class tst_TopicFieldSelection : public QObject
{
    Q_OBJECT
private:
    TopicTreeModel m_model;

    QModelIndex field(const QString &topic, const QString &name) { return m_model.indexOfField(topic, name); }

private Q_SLOTS:
    void initTestCase()
    {
        m_model.setTopics({kFad, kDome});
        m_model.setTopicFields(kFad, fadFields(), {QStringLiteral("salIndex")});
        m_model.setTopicFields(kDome, {{QStringLiteral("azimuthPosition"), FieldType::Float, {}, {}}});
    }

    void fieldsInTreeOrderWithTypes()
    {
        // Selected bottom-up: the result still reads top-down, as the tree shows them.
        const QModelIndex fy = field(kFad, QStringLiteral("fy"));
        const QModelIndex fx = field(kFad, QStringLiteral("fx"));
        const auto s = TopicFieldSelection::fromIndexes({fy, fx}, fy);
        QCOMPARE(s.topic, kFad);
        QCOMPARE(names(s), QStringLiteral("fx,fy"));
        QCOMPARE(s.labels, (QStringList{QStringLiteral("fx"), QStringLiteral("fy")}));
        QCOMPARE(s.fields[0].type, FieldType::Float);
        QCOMPARE(s.fields[0].unit, QStringLiteral("N"));
        QVERIFY(!s.allFields);
        QVERIFY(!s.isEmpty());
        QCOMPARE(s.tagKeys, QStringList{QStringLiteral("salIndex")});
    }

    void arrayRowMeansAllElements()
    {
        const QModelIndex array = field(kFad, QStringLiteral("zForce"));
        QVERIFY(array.isValid());
        const auto s = TopicFieldSelection::fromIndexes({array}, array);
        QCOMPARE(names(s), QStringLiteral("zForce0,zForce1,zForce2,zForce3"));
        QCOMPARE(s.labels, QStringList{QStringLiteral("zForce[4]")});
    }

    void elementAndItsArrayAreNotDuplicated()
    {
        const QModelIndex array = field(kFad, QStringLiteral("zForce"));
        const QModelIndex element = field(kFad, QStringLiteral("zForce2"));
        QVERIFY(element.isValid());
        const auto s = TopicFieldSelection::fromIndexes({element, array}, element);
        QCOMPARE(names(s), QStringLiteral("zForce0,zForce1,zForce2,zForce3"));
        const auto only = TopicFieldSelection::fromIndexes({element}, element);
        QCOMPARE(names(only), QStringLiteral("zForce2"));
    }

    void topicRowMeansAllFields()
    {
        const QModelIndex topic = m_model.indexOfTopic(kFad);
        const auto s = TopicFieldSelection::fromIndexes({topic, field(kFad, QStringLiteral("fx"))}, topic);
        QVERIFY(s.allFields);
        QVERIFY(s.fields.empty());
        QVERIFY(!s.isEmpty());
        QCOMPARE(s.tagKeys, QStringList{QStringLiteral("salIndex")});
    }

    void otherTopicsAreLeftOutAndCounted()
    {
        const QModelIndex fx = field(kFad, QStringLiteral("fx"));
        const QModelIndex az = field(kDome, QStringLiteral("azimuthPosition"));
        const auto s = TopicFieldSelection::fromIndexes({fx, az}, az);
        QCOMPARE(s.topic, kDome); // the current row decides
        QCOMPARE(names(s), QStringLiteral("azimuthPosition"));
        QCOMPARE(s.otherTopicRows, 1);
        QVERIFY(s.tagKeys.isEmpty());
    }

    void tagsAndGroupsSelectNothing()
    {
        const QModelIndex topic = m_model.indexOfTopic(kFad);
        QModelIndex tag;
        for (int r = 0; r < m_model.rowCount(topic); ++r)
            if (TopicNodeType(m_model.index(r, 0, topic).data(TopicTreeModel::NodeTypeRole).toInt()) == TopicNodeType::Tag)
                tag = m_model.index(r, 0, topic);
        QVERIFY(tag.isValid());
        const auto s = TopicFieldSelection::fromIndexes({tag}, tag);
        QCOMPARE(s.topic, kFad);
        QVERIFY(s.isEmpty());
        const QModelIndex group = m_model.index(0, 0); // "lsst"
        const auto none = TopicFieldSelection::fromIndexes({group}, group);
        QVERIFY(none.topic.isEmpty());
        QVERIFY(none.isEmpty());
    }

    void otherColumnsCountOnce()
    {
        const QModelIndex fx = field(kFad, QStringLiteral("fx"));
        const auto s = TopicFieldSelection::fromIndexes({fx, fx.siblingAtColumn(1), fx.siblingAtColumn(2)}, fx.siblingAtColumn(1));
        QCOMPARE(names(s), QStringLiteral("fx"));
    }
};

QTEST_MAIN(tst_TopicFieldSelection)
#include "tst_topicfieldselection.moc"
