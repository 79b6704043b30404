import { ConnectorEmulator } from '../harness/connector-emulator';
import { startTestService, eventually } from '../harness/service';
import { botAdded, cardAction, channelMessage, makeRoster, postActivity, userFrom, CHANNEL_ID } from '../harness/teams';

test('smoke', async () => {
  const connector = new ConnectorEmulator();
  const serviceUrl = await connector.start();
  connector.roster = makeRoster(10);
  connector.channels = [{ id: CHANNEL_ID, name: 'Träffar' }];
  const svc = await startTestService();
  try {
    const u = userFrom(connector.roster[0]!);
    let r = await postActivity(svc.url, botAdded(serviceUrl, u));
    console.log(r, connector.sent);
    r = await postActivity(svc.url, channelMessage(serviceUrl, u, 'ny träff'));
    console.log(r, JSON.stringify(connector.sent.at(-1)).slice(0, 300));
    const form = connector.sent.at(-1)!;
    const formId = JSON.stringify(form.activity).match(/"formId":"([^"]+)"/)![1];
    r = await postActivity(svc.url, cardAction(serviceUrl, u, form.activityId, { action: 'createMeeting', formId, date: '2030-02-04', start: '13:00', end: '15:00', place: 'Falköping', mode: 'onsite' }));
    console.log(r.status, JSON.stringify(r.body).slice(0, 300));
    await new Promise((r) => setTimeout(r, 500)); console.log(JSON.stringify(connector.sent.map((s) => [s.kind, s.conversationId, s.activityId])));
    const post = await eventually(() => connector.sent.find((s) => s.kind === "post"));
    const meetingId = JSON.stringify(post.activity).match(/"meetingId":"([^"]+)"/)![1];
    r = await postActivity(svc.url, cardAction(serviceUrl, u, post.activityId, { action: 'checkin', meetingId, status: 'onsite' }));
    console.log(r.status, JSON.stringify(r.body).slice(0, 800));
    await eventually(() => connector.updatesOf(post.activityId).length > 0 || undefined);
    console.log(JSON.stringify(connector.sent.map((s) => [s.kind, s.conversationId, s.activityId])));
  } finally {
    await svc.stop();
    await connector.stop();
  }
});
