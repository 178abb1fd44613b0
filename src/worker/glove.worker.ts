/// <reference lib="webworker" />
/**
 * The GloVe loader worker: reads a user's file (never sent anywhere), keeps the vectors and answers questions
 * about them (see host/gloveHost.ts). Created by gloveClient.ts.
 */
import type { GloveRequest, GloveResponse } from './gloveProtocol';
import { GloveHost } from './host/gloveHost';

declare const self: DedicatedWorkerGlobalScope;

const host = new GloveHost((msg: GloveResponse, transfer) => self.postMessage(msg, transfer ?? []));
self.onmessage = (e: MessageEvent<GloveRequest>) => void host.handle(e.data);
