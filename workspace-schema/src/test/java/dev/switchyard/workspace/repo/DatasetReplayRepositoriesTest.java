package dev.switchyard.workspace.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchyard.workspace.Fixtures;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.WorkspaceException;
import dev.switchyard.workspace.model.Dataset;
import dev.switchyard.workspace.model.DatasetItem;
import dev.switchyard.workspace.model.PolicyVersion;
import dev.switchyard.workspace.model.Replay;
import dev.switchyard.workspace.model.ReplayItem;
import dev.switchyard.workspace.model.ReplayItemStatus;
import dev.switchyard.workspace.model.ReplayMode;
import dev.switchyard.workspace.model.ReplayStatus;
import dev.switchyard.workspace.model.Run;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetReplayRepositoriesTest {

    @TempDir
    Path dir;
    Workspace ws;
    Dataset ds;
    List<DatasetItem> items;
    PolicyVersion pv;

    @BeforeEach
    void open() {
        ws = Workspace.open(dir.resolve("replay.switchyard"));
        ds = ws.datasets().create("support-50", "real tickets");
        items = ws.datasets().addItems(ds.id(), List.of(
                DatasetItem.of("reset my password", null, null, "Use the reset link.", "[\"account\"]"),
                DatasetItem.of("refund policy?", "Be brief.", "{\"lang\":\"en\"}", null, null),
                DatasetItem.of("lights on", null, null, null, "[\"home\",\"simple\"]")));
        pv = ws.policies().addVersion(ws.policies().create("p").id(), "{\"rules\":[]}", null);
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void datasetItemsAreAppendedInOrder() {
        assertThat(items).extracting(DatasetItem::position).containsExactly(0, 1, 2);
        List<DatasetItem> more = ws.datasets().addItems(ds.id(), List.of(DatasetItem.of("bye", null, null, null, null)));
        assertThat(more.get(0).position()).isEqualTo(3);
        assertThat(ws.datasets().items(ds.id())).hasSize(4).startsWith(items.toArray(DatasetItem[]::new));
        assertThat(ws.datasets().itemCount(ds.id())).isEqualTo(4);
        assertThat(ws.datasets().item(items.get(1).id())).contains(items.get(1));
        assertThat(items.get(0).tagsJson()).isEqualTo("[\"account\"]");
        assertThat(ws.datasets().list()).containsExactly(ds);
        assertThatThrownBy(() -> ws.datasets().addItems(ds.id(), List.of(DatasetItem.of("", null, null, null, null))))
                .isInstanceOf(WorkspaceException.class);
        assertThat(ws.datasets().itemCount(ds.id())).isEqualTo(4);
    }

    @Test
    void replayItemsRecordOutcomesAndTellWhichAreFinishedForResume() {
        long model = Fixtures.model(ws, Fixtures.openAi(ws), "m").id();
        Run local = ws.runs().insert(Fixtures.completedRun(model, "reset my password", "Use the reset link."));
        Run cloud = ws.runs().insert(Fixtures.completedRun(model, "reset my password", "Click reset."));
        Replay r = ws.replays().start(pv.id(), ds.id(), ReplayMode.LIVE);
        assertThat(r.status()).isEqualTo(ReplayStatus.RUNNING);

        ReplayItem first = ws.replays().saveItem(ReplayItem.of(r.id(), items.get(0).id(), "{\"rule\":1}",
                "{\"target\":\"local\",\"escalated\":true}", List.of(local.id(), cloud.id()), "Click reset.", 0.0004, 820L,
                "{\"score\":1}", ReplayItemStatus.DONE));
        ws.replays().saveItem(ReplayItem.of(r.id(), items.get(1).id(), null, null, List.of(), null, null, null, null,
                ReplayItemStatus.PENDING));
        ws.replays().saveItem(ReplayItem.of(r.id(), items.get(2).id(), "{}", null, List.of(), null, null, null, null,
                ReplayItemStatus.FAILED));
        assertThat(ws.replays().finishedItemIds(r.id())).containsExactly(items.get(0).id(), items.get(2).id());

        ws.replays().setStatus(r.id(), ReplayStatus.PAUSED);
        ReplayItem retried = ws.replays().saveItem(ReplayItem.of(r.id(), items.get(1).id(), "{}", "{}",
                List.of(cloud.id()), "See policy.", 0.0001, 300L, null, ReplayItemStatus.DONE));
        List<ReplayItem> stored = ws.replays().items(r.id());
        assertThat(stored).hasSize(3).first().isEqualTo(first);
        assertThat(stored.get(1)).isEqualTo(retried);
        assertThat(first.runIds()).containsExactly(local.id(), cloud.id());
        assertThat(ws.replays().finishedItemIds(r.id())).hasSize(3);

        Replay done = ws.replays().finish(r.id(), ReplayStatus.COMPLETED, "{\"costUsd\":0.0005,\"localShare\":0.33}");
        assertThat(done.status()).isEqualTo(ReplayStatus.COMPLETED);
        assertThat(done.finishedAt()).isNotNull();
        assertThat(ws.replays().list()).containsExactly(done);
        assertThat(ws.replays().findItemByUid(first.uid())).contains(first);
        assertThatThrownBy(() -> ws.replays().saveItem(ReplayItem.of(r.id(), items.get(0).id(), "{", null, null, null,
                null, null, null, ReplayItemStatus.DONE))).isInstanceOf(WorkspaceException.class);
        assertThat(ws.replays().items(r.id()).get(0)).isEqualTo(first);
    }
}
