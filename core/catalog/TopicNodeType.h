// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace sasquatch {

/// What a row of TopicTreeModel stands for (TopicTreeModel::NodeTypeRole).
enum class TopicNodeType : quint8 {
    Group,        ///< a dotted prefix shared by topics: `lsst`, `sal`, `MTM1M3`
    ReplicaGroup, ///< top-level node of a MirrorMaker 2 source cluster: "summit (replica)"
    Topic,        ///< a measurement (= Kafka topic)
    Field,        ///< a scalar field
    ArrayField,   ///< a flattened array `zForce[156]`; its children are ArrayElement rows
    ArrayElement, ///< one element `zForce3` of an array
    Tag,          ///< a tag key of the topic
    Status,       ///< "Loading…" or the error of a failed field load
};

/// Where a topic's fields stand (TopicTreeModel::LoadStateRole).
enum class FieldLoadState : quint8 {
    Unknown, ///< not asked for yet
    Loading, ///< fieldsRequested() was emitted, no answer yet
    Loaded,  ///< fields (and tags) known
    Failed,  ///< the last load failed; fetching again retries
};

} // namespace sasquatch
