/**
 * The floor for bench:checkin: a bare botbuilder + restify invoke handler that returns a
 * fixed card. Whatever it costs is the framework and the HTTP path, not Justera.
 */
import restify from 'restify';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, type InvokeResponse, type TurnContext } from 'botbuilder';

const FIXED_CARD = {
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Incheckad', wrap: true }],
};

class FloorBot extends ActivityHandler {
  protected override async onInvokeActivity(_ctx: TurnContext): Promise<InvokeResponse> {
    return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: FIXED_CARD } };
  }
}

const port = Number(process.env.PORT ?? 0);
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new FloorBot();
const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (ctx) => bot.run(ctx));
});
server.get('/healthz', (_req, res, next) => {
  res.send(200, { status: 'ok' });
  next();
});
server.listen(port, '127.0.0.1', () => process.stdout.write(`floor listening on ${port}\n`));
process.on('SIGINT', () => server.close(() => process.exit(0)));
