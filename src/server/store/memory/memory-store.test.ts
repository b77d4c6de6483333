import { MemoryStore } from './memory-store';
import { storeContract } from '../store-contract';

storeContract('memory', async () => new MemoryStore());
